using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Documents;
using YiyangPortal.Signing.Verification;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Seals;

namespace YiyangPortal.IntegrationTests.Seals;

/// <summary>
/// Issue 14 "every effective demo agreement is sealed on a fresh make run": the seeded template was filled by the
/// real seeding entry point, through the same signing code as the pages.
/// </summary>
public sealed class DemoSealsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly AgreementStatus[] InForceOrWas = [AgreementStatus.Effective, AgreementStatus.Expired, AgreementStatus.Terminated];

    [Theory]
    [InlineData("shaoxing")]
    [InlineData("wenzhou")]
    public async Task EverySeededAgreementInForceOrEnded_CarriesTwoValidSeals_TheLastCoveringTheFile(string tenant)
    {
        var checkedOne = false;
        await TestData.InTenantAsync(app, tenant, async (db, services) =>
        {
            var trust = await services.GetRequiredService<SealAuthority>().TrustAsync(TimeProvider.System);
            Assert.NotNull(trust);
            var executed = await (from a in db.Agreements.AsNoTracking()
                                  where InForceOrWas.Contains(a.Status)
                                  select new
                                  {
                                      a.DocumentNumber,
                                      Copies = db.AgreementDocuments.Where(d => d.AgreementId == a.Id && d.Kind == AgreementDocumentKind.Executed)
                                          .Select(d => d.Content).ToList(),
                                  }).ToListAsync();
            Assert.NotEmpty(executed);
            var verifier = new PdfSignatureVerifier(TimeProvider.System);
            foreach (var agreement in executed)
            {
                var copy = Assert.Single(agreement.Copies);
                var report = verifier.Verify(copy, trust);
                Assert.True(report.AllValid, $"{agreement.DocumentNumber}: {string.Join(" ", report.Lines)}");
                Assert.Equal(2, report.Signatures.Count);
                Assert.True(report.Signatures[^1].CoversWholeDocument, agreement.DocumentNumber);
                Assert.All(report.Signatures, s => Assert.True(s.HasTimestamp && s.TimestampValid, agreement.DocumentNumber));
            }

            // And one of them by an independent verifier.
            var output = Poppler.Pdfsig(executed[0].Copies[0]);
            Assert.Equal(2, Poppler.Count(output, "Signature is Valid."));
            checkedOne = true;
        });
        Assert.True(checkedOne);
    }
}
