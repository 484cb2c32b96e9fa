using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Auditing;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Seeding;

namespace YiyangPortal.IntegrationTests;

/// <summary>
/// Issue 10 "First run": the demo data is what the product makes. The fixture's database is a clone of the template
/// that the real seeding entry point (<see cref="DemoSeeder"/>, as <c>seed</c> runs it) filled on a fresh migrated
/// database, so these tests read exactly what a first <c>make run</c> shows.
/// </summary>
public class DemoSeedTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly string[] Tenants = [TestData.Shaoxing, "wenzhou"];

    [Fact]
    public async Task EveryStoredPdf_IsARenderedAgreement_OfItsTemplate()
    {
        foreach (var tenant in Tenants)
        {
            var documents = await TestData.InTenantAsync(app, tenant, db => (
                from d in db.AgreementDocuments.AsNoTracking()
                join a in db.Agreements on d.AgreementId equals a.Id
                select new { a.DocumentNumber, a.Template, d.Content }).ToListAsync());

            Assert.NotEmpty(documents);
            foreach (var document in documents)
            {
                using var pdf = PdfDocument.Open(document.Content);
                var firstPage = string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value)).Replace(" ", string.Empty, StringComparison.Ordinal);
                var title = document.Template == AgreementTemplate.MedicalElderCareConsortium ? "养医联合体服务协议" : "医养结合项目服务合作协议";
                Assert.True(firstPage.Contains(title, StringComparison.Ordinal), $"{document.DocumentNumber}: no “{title}” on page 1");
                Assert.True(pdf.NumberOfPages > 1 || document.Content.Length > 20_000, $"{document.DocumentNumber}: {document.Content.Length} bytes");
            }
        }
    }

    [Fact]
    public async Task EveryAgreement_HasAnIntactAuditChain()
    {
        foreach (var tenant in Tenants)
        {
            var entries = await TestData.InTenantAsync(app, tenant, async db =>
            {
                var ids = await db.Agreements.Select(a => a.Id).ToListAsync();
                var audit = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
                return ids.ToDictionary(id => id, id => audit.Where(e => e.AgreementId == id).ToList());
            });

            // The chains are keyed (ADR 019): verified with the host's audit keys.
            var keys = app.Services.GetRequiredService<AuditKeyring>();
            Assert.NotEmpty(entries);
            foreach (var (id, chain) in entries)
            {
                Assert.NotEmpty(chain);
                var verification = AuditChain.Verify(chain, keys);
                Assert.True(verification.IsIntact, $"{id}: {verification.Problem}");
            }
        }
    }

    [Fact]
    public async Task TheShowcaseHome_HasEveryStateOfBothTemplates()
    {
        var states = await ShowcaseAsync(db => db.Agreements.Select(a => new { a.Template, a.Status }).Distinct().ToListAsync());

        foreach (var template in Enum.GetValues<AgreementTemplate>())
        {
            Assert.Equal(
                Enum.GetValues<AgreementStatus>().Order(),
                states.Where(s => s.Template == template).Select(s => s.Status).Order());
        }

        var proposals = await ShowcaseAsync(db => db.Agreements.Where(a => a.Status == AgreementStatus.ReturnedForRevision)
            .Select(a => a.Items.Count(i => i.ReviewState == ItemReviewState.ChangeProposed)).ToListAsync());
        Assert.All(proposals, count => Assert.Equal(1, count)); // 退回修改 with the clinic's proposal

        // 2020 guide 六(二): a terminated demo agreement went through proposal and confirmation, and each bureau that
        // received its signing filing got a termination filing.
        var terminated = await ShowcaseAsync(db => db.Agreements.Where(a => a.Status == AgreementStatus.Terminated && a.SupplementToId == null)
            .Select(a => new
            {
                Confirmed = a.TerminationConfirmedOn != null,
                Signing = db.Filings.Count(f => f.AgreementId == a.Id && f.Kind == FilingKind.Signing),
                Termination = db.Filings.Count(f => f.AgreementId == a.Id && f.Kind == FilingKind.Termination),
            }).ToListAsync());
        Assert.NotEmpty(terminated);
        Assert.All(terminated, t => Assert.True(t.Confirmed && t.Signing == 2 && t.Termination == 2, t.ToString()));
    }

    [Fact]
    public async Task TheShowcaseHome_HasFilingsInEveryState_AndTheRegulatorsSeeThem()
    {
        var today = BeijingTime.Today(DateTimeOffset.UtcNow);
        var filings = await ShowcaseAsync(db => db.Filings.Where(f => db.Agreements.Any(a => a.Id == f.AgreementId)).ToListAsync());

        Assert.Contains(filings, f => f.Status == FilingStatus.Pending && !f.IsOverdue(today));
        Assert.Contains(filings, f => f.IsOverdue(today));
        Assert.Contains(filings, f => f.Status == FilingStatus.Submitted);
        Assert.Contains(filings, f => f.Status == FilingStatus.Accepted);
        Assert.Contains(filings, f => f.Status == FilingStatus.Returned);
        Assert.Contains(filings, f => f.Status == FilingStatus.Accepted && f.History.Any(h => h.ToStatus == FilingStatus.Returned));

        var civil = PortalClient.For(app);
        await civil.LoginAsync("/shaoxing", "minzheng@shaoxing.demo");
        var health = PortalClient.For(app);
        await health.LoginAsync("/shaoxing", "weijian@shaoxing.demo");
        var pages = string.Concat(
            await (await civil.GetAsync("/shaoxing/filings?status=Pending")).Content.ReadAsStringAsync(),
            await (await civil.GetAsync("/shaoxing/filings?overdue=true")).Content.ReadAsStringAsync(),
            await (await civil.GetAsync("/shaoxing/filings?status=Accepted")).Content.ReadAsStringAsync(),
            await (await health.GetAsync("/shaoxing/filings?status=Submitted")).Content.ReadAsStringAsync(),
            await (await health.GetAsync("/shaoxing/filings?status=Returned")).Content.ReadAsStringAsync());
        foreach (var state in new[] { "待报送", "逾期", "已备案", "已报送", "需补正" })
        {
            Assert.Contains($">{state}</span>", pages, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheDemoCity_LooksLikeACity()
    {
        var homes = await TestData.InTenantAsync(app, TestData.Shaoxing, db => (
            from e in db.ElderCareInstitutions
            join c in db.Counties on e.CountyId equals c.Id
            select new
            {
                County = c.Name,
                e.Kind,
                Large = e.Residents >= 50 && !e.HasInternalMedicalInstitution,
                Primary = db.Agreements.Any(a => a.ElderCareInstitutionId == e.Id && a.Status == AgreementStatus.Effective
                    && db.MedicalInstitutions.Any(m => m.Id == a.MedicalInstitutionId && MedicalInstitutionKindRules.PrimaryLevelKinds.Contains(m.Kind))),
                Signed = db.Agreements.Any(a => a.ElderCareInstitutionId == e.Id && a.Status == AgreementStatus.Effective),
            }).ToListAsync());
        var medical = await TestData.InTenantAsync(app, TestData.Shaoxing, db => (
            from m in db.MedicalInstitutions
            join c in db.Counties on m.CountyId equals c.Id
            select new { County = c.Name, m.Kind, Priced = db.FeeSchedules.Any(s => s.MedicalInstitutionId == m.Id) }).ToListAsync());

        foreach (var county in homes.Select(h => h.County).Distinct())
        {
            var nursing = homes.Where(h => h.County == county && h.Kind == ElderCareInstitutionKind.NursingHome).ToList();
            Assert.True(nursing.Count >= 10, $"{county}: {nursing.Count} 养老机构");
            Assert.Contains(nursing, h => h.Primary);
            Assert.Contains(nursing, h => !h.Signed);
            Assert.Contains(medical, m => m.County == county && m.Kind.IsPrimaryLevel());
        }

        Assert.Equal(6, homes.Select(h => h.County).Distinct().Count());
        Assert.Contains(homes, h => h.Large);
        Assert.Contains(homes, h => h.Signed && !h.Primary); // signed with a hospital only
        Assert.Contains(homes, h => h.Kind == ElderCareInstitutionKind.CommunityHomeCare && h.Signed);
        Assert.Contains(homes, h => h.Kind == ElderCareInstitutionKind.DayCare);
        Assert.Equal(Enum.GetValues<MedicalInstitutionKind>().Order(), medical.Select(m => m.Kind).Distinct().Order());
        Assert.All(medical, m => Assert.True(m.Priced));
    }

    [Fact]
    public async Task SeedingAgain_AddsNothing()
    {
        var before = await CountsAsync();

        var result = await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(PortalAppFactory.DemoPassword, CancellationToken.None);

        Assert.Equal(0, result.Agreements);
        Assert.Equal(0, result.GeneratedAccounts);
        Assert.DoesNotContain(result.Accounts, a => a.Created);
        Assert.Equal(before, await CountsAsync());
    }

    private Task<T> ShowcaseAsync<T>(Func<ShowcaseView, Task<T>> query) =>
        TestData.InTenantAsync(app, TestData.Shaoxing, async db =>
        {
            var home = await db.ElderCareInstitutions.Where(e => e.Name == DemoData.ShowcaseHome).Select(e => e.Id).SingleAsync();
            return await query(new ShowcaseView(db, home));
        });

    private async Task<string> CountsAsync()
    {
        var counts = new List<int>();
        foreach (var tenant in Tenants)
        {
            counts.AddRange(await TestData.InTenantAsync(app, tenant, async db => new[]
            {
                await db.Counties.CountAsync(), await db.ElderCareInstitutions.CountAsync(), await db.MedicalInstitutions.CountAsync(),
                await db.ServicePrices.CountAsync(), await db.Users.CountAsync(), await db.Agreements.CountAsync(),
                await db.AgreementDocuments.CountAsync(), await db.AuditEntries.CountAsync(), await db.Filings.CountAsync(),
                await db.Notifications.CountAsync(),
            }));
        }

        return string.Join(",", counts);
    }

    /// <summary>The showcase home's agreements and filings only.</summary>
    private sealed class ShowcaseView(PortalDbContext db, Guid home)
    {
        public IQueryable<Agreement> Agreements => db.Agreements.Where(a => a.ElderCareInstitutionId == home);

        public IQueryable<Filing> Filings => db.Filings.Include(f => f.History).AsNoTracking();

        public IQueryable<MedicalInstitution> MedicalInstitutions => db.MedicalInstitutions;
    }
}
