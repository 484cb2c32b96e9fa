using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Fulfilment;

/// <summary>
/// The yearly 履约情况报告 (issue 15, ADR 040): a PDF of one agreement year for the two parties and the county's
/// regulators, with agreed against confirmed per item and period, pending and disputed apart, the shortfalls and the
/// 履约率; nobody else gets it (another clinic, home, county, tenant, the tenant admin); the agreement page links it
/// with its 履约率, and so does the renewal (续签) drafted from it.
/// </summary>
public class FulfilmentReportTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task PartiesAndTheCountyRegulator_GetTheReport_WithTheShortfallAndTheRate()
    {
        var (parties, agreement, item, month) = await WithRecordsAsync();

        foreach (var email in new[] { parties.ClinicEmail, parties.StaffEmail, parties.HealthEmail, parties.CivilAffairsEmail })
        {
            var response = await (await PortalClient.SignedInAsync(app, email)).GetAsync(Report(agreement, 1));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            var disposition = response.Content.Headers.ContentDisposition;
            Assert.Equal("attachment", disposition?.DispositionType);
            Assert.Equal($"{agreement.DocumentNumber}-履约情况报告-第1协议年度.pdf", disposition?.FileNameStar);
        }

        var pdf = await (await PortalClient.SignedInAsync(app, parties.StaffEmail)).Http.GetByteArrayAsync(new Uri(Report(agreement, 1), UriKind.Relative));
        var text = Text(pdf);
        Assert.Contains("履约情况报告", text, StringComparison.Ordinal);
        Assert.Contains(parties.HomeName, text, StringComparison.Ordinal);
        Assert.Contains(parties.ClinicName, text, StringComparison.Ordinal);
        Assert.Contains("第1协议年度", text, StringComparison.Ordinal);
        Assert.Contains(item.Name, text, StringComparison.Ordinal);
        Assert.Contains($"{month.Year}年{month.Month}月", text, StringComparison.Ordinal);
        // The month: confirmed all but two, one pending, one disputed — short by two, neither counted.
        Assert.Contains($"未完成，差2", text, StringComparison.Ordinal);
        Assert.Contains("履约率", text, StringComparison.Ordinal);
        Assert.Contains("年度评价", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRate_IsTheDomains()
    {
        var (parties, agreement, _, _) = await WithRecordsAsync();
        var expected = await TestData.InTenantAsync(app, parties.Tenant, async db =>
        {
            var loaded = await db.Agreements.Include(a => a.Items).SingleAsync(a => a.Id == agreement.Id);
            var records = await db.ServiceRecords.Where(r => r.AgreementId == agreement.Id).ToListAsync();
            var year = AgreementEvaluation.YearsOf(loaded)[0];
            return FulfilmentYear.Of(loaded, ServicePlan.Of(loaded), year, records, BeijingDate.Today).Rate;
        });

        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        var text = Text(await home.Http.GetByteArrayAsync(new Uri(Report(agreement, 1), UriKind.Relative)));
        var detail = await (await home.GetAsync($"/shaoxing/agreements/{agreement.Id}")).Content.ReadAsStringAsync();

        var percent = (expected!.Value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        Assert.Contains($"履约率：{percent}", text, StringComparison.Ordinal);
        Assert.Contains($"data-rate=\"{percent}\"", detail, StringComparison.Ordinal);
        Assert.Contains($"/agreements/{agreement.Id}/fulfilment/report?year=1", detail, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"renewal-hint\"", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherClinicHomeCountyTenantAndTheTenantAdmin_AreKeptOut()
    {
        var (parties, agreement, _) = await FulfilmentFixture.InForceAsync(app);
        var others = await TestParties.CreateAsync(app);
        var wenzhou = PortalClient.For(app);
        await wenzhou.LoginAsync("/wenzhou", "clinic@wenzhou.demo");
        var admin = await PortalClient.SignedInAsync(app, "admin@shaoxing.demo");

        Assert.Equal(HttpStatusCode.NotFound, (await (await PortalClient.SignedInAsync(app, others.ClinicEmail)).GetAsync(Report(agreement, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await PortalClient.SignedInAsync(app, others.StaffEmail)).GetAsync(Report(agreement, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await PortalClient.SignedInAsync(app, others.HealthEmail)).GetAsync(Report(agreement, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wenzhou.GetAsync($"/wenzhou/agreements/{agreement.Id}/fulfilment/report?year=1")).StatusCode);
        Assert.Contains("403", PortalClient.RedirectPath(await admin.GetAsync(Report(agreement, 1))), StringComparison.Ordinal);
        var detail = await (await admin.GetAsync($"/shaoxing/agreements/{agreement.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("fulfilment/report", detail, StringComparison.Ordinal);
        // A year the agreement does not have.
        Assert.Equal(HttpStatusCode.NotFound, (await (await PortalClient.SignedInAsync(app, parties.StaffEmail)).GetAsync(Report(agreement, 9))).StatusCode);
    }

    [Fact]
    public async Task ADraftNeverInForce_HasNoReport()
    {
        var parties = await TestParties.CreateAsync(app);
        var draft = await parties.AgreementAsync(AgreementStatus.Draft);

        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await home.GetAsync(Report(draft, 1))).StatusCode);
        Assert.DoesNotContain("data-testid=\"fulfilment-record\"", await (await home.GetAsync($"/shaoxing/agreements/{draft.Id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRenewal_LinksItsPredecessorsReport_WithTheRate()
    {
        var (parties, agreement, _, _) = await WithRecordsAsync();
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);

        var renewed = await home.SubmitAsync($"/shaoxing/agreements/{agreement.Id}", $"/shaoxing/agreements/{agreement.Id}/renew", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        var renewalId = await TestData.InTenantAsync(app, parties.Tenant, db =>
            db.Agreements.Where(a => a.RenewalOfId == agreement.Id).Select(a => a.Id).SingleAsync());
        var draft = await (await home.GetAsync($"/shaoxing/agreements/{renewalId}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"predecessor-report\"", draft, StringComparison.Ordinal);
        Assert.Contains($"/agreements/{agreement.Id}/fulfilment/report?year=1", draft, StringComparison.Ordinal);
        Assert.Contains(agreement.DocumentNumber, draft, StringComparison.Ordinal);
        Assert.DoesNotContain("data-rate=\"—\"", draft, StringComparison.Ordinal);
    }

    /// <summary>
    /// An agreement in force for 100 days with, in its first full month, a monthly item confirmed all but twice: one
    /// record pending, one disputed.
    /// </summary>
    private async Task<(TestParties Parties, Agreement Agreement, AgreementItem Item, DateOnly Month)> WithRecordsAsync()
    {
        var (parties, agreement, doctor) = await FulfilmentFixture.InForceAsync(app);
        var item = FulfilmentFixture.MonthlyItem(agreement);
        var month = FulfilmentFixture.FirstFullMonth(agreement);
        Assert.True(item.Frequency >= 3, "the test needs a monthly item of at least three visits");
        for (var k = 0; k < item.Frequency; k++)
        {
            var record = await FulfilmentFixture.RecordAsync(app, parties, agreement, item, doctor, month.AddDays(k));
            if (k < item.Frequency - 2)
            {
                await FulfilmentFixture.AnswerAsync(app, parties, agreement, record.Id, null);
            }
            else if (k == item.Frequency - 1)
            {
                await FulfilmentFixture.AnswerAsync(app, parties, agreement, record.Id, "当天未见医生");
            }
        }

        return (parties, agreement, item, month);
    }

    private static string Report(Agreement agreement, int year) => $"/shaoxing/agreements/{agreement.Id}/fulfilment/report?year={year}";

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().SelectMany(p => p.Letters).Select(l => l.Value).Where(c => !string.IsNullOrWhiteSpace(c)));
    }
}
