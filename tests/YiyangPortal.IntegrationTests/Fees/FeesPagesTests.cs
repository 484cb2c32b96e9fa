using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Institutions;

namespace YiyangPortal.IntegrationTests.Fees;

/// <summary>
/// Issue 15 费用 through the pages (ADR 035): the home pays an instalment, the clinic confirms it and its 备查账 and export
/// show it; refused input comes back next to its field with what was typed; nobody outside the two parties gets in.
/// </summary>
public class FeesPagesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Home_Pays_TheClinicConfirms_AndTheLedgerAndItsExportShowIt()
    {
        var (parties, agreement) = await InForceAsync();
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        var page = await (await home.GetAsync(Page(agreement))).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"instalments\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"payment-form\"", page, StringComparison.Ordinal);

        var paid = await PayAsync(home, agreement, Fields(agreement));
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var payment = (await StoredAsync(parties, agreement.Id)).Single();
        Assert.Equal(FeePaymentStatus.Pending, payment.Status);

        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        Assert.Equal(1, await TodoCountAsync(clinic, "/shaoxing/medical", "receipts"));
        var confirmed = await clinic.SubmitAsync(Page(agreement), $"{Page(agreement)}/payments/{payment.Id}/confirm", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(FeePaymentStatus.Confirmed, (await StoredAsync(parties, agreement.Id)).Single().Status);
        Assert.Equal(0, await TodoCountAsync(clinic, "/shaoxing/medical", "receipts"));

        var year = payment.PaidOn.Year;
        var ledger = await (await clinic.GetAsync($"/shaoxing/medical/ledger?year={year}")).Content.ReadAsStringAsync();
        Assert.Contains(agreement.DocumentNumber, ledger, StringComparison.Ordinal);
        Assert.Contains(parties.HomeName, ledger, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"ledger-total\">{payment.Amount}<", ledger, StringComparison.Ordinal);

        var export = await clinic.GetAsync($"/shaoxing/medical/ledger/export?year={year}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        using var sheet = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = TabularFile.Read(sheet, "ledger.xlsx");
        var row = Assert.Single(rows, r => r["协议编号"] == agreement.DocumentNumber);
        Assert.Equal((parties.HomeName, payment.Amount.ToString(), "第 1 协议年度上半年", "银行转账"), (row["养老机构"], row["金额（元）"], row["期次"], row["付款方式"]));
        Assert.Equal(payment.Amount.ToString(), Assert.Single(rows, r => r["付款日期"] == "合计")["金额（元）"]);
    }

    [Fact]
    public async Task BadInput_ComesBackNextToItsField_WithWhatWasTyped_AndNothingIsSaved()
    {
        var (parties, agreement) = await InForceAsync();
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        var fields = Fields(agreement);
        fields["PaidOn"] = Day(BeijingTime.Today(DateTimeOffset.UtcNow).AddDays(2));
        fields["Amount"] = "-500";
        fields["Reference"] = "经办人 13800138000";
        fields["Method"] = "";

        var response = await PayAsync(home, agreement, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        foreach (var field in new[] { "PaidOn", "Amount", "Reference", "Method" })
        {
            Assert.Contains($"data-field-error=\"{field}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("value=\"-500\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"经办人 13800138000\"", html, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(parties, agreement.Id));

        var unexplained = Fields(agreement);
        unexplained["Amount"] = "5,000";
        var differs = await PayAsync(home, agreement, unexplained);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, differs.StatusCode);
        Assert.Contains("data-field-error=\"Explanation\"", await differs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PayingAnInstalmentTwice_IsRefusedAtTheInstalment_AndASecondConfirmIsAConflictMessage()
    {
        var (parties, agreement) = await InForceAsync();
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        await PayAsync(home, agreement, Fields(agreement));

        var twice = await PayAsync(home, agreement, Fields(agreement));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Contains("data-field-error=\"Instalment\"", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var payment = Assert.Single(await StoredAsync(parties, agreement.Id));

        // Two clinic users press 确认收款 on the same page: the second learns someone else was first.
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        var other = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        await clinic.SubmitAsync(Page(agreement), $"{Page(agreement)}/payments/{payment.Id}/confirm", new Dictionary<string, string>());
        var late = await other.SubmitAsync(Page(agreement), $"{Page(agreement)}/payments/{payment.Id}/dispute", new Dictionary<string, string> { ["reason"] = "未到账" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("data-testid=\"error\">该付款记录刚刚被其他人处理过", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(FeePaymentStatus.Confirmed, Assert.Single(await StoredAsync(parties, agreement.Id)).Status);
    }

    [Fact]
    public async Task ADisputedPayment_GoesBackToTheHome_WhichRecordsItAgain()
    {
        var (parties, agreement) = await InForceAsync();
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        await PayAsync(home, agreement, Fields(agreement));
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        var first = Assert.Single(await StoredAsync(parties, agreement.Id));
        var noReason = await clinic.SubmitAsync(Page(agreement), $"{Page(agreement)}/payments/{first.Id}/dispute", new Dictionary<string, string> { ["reason"] = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains($"data-field-error=\"reason-{first.Id}\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await clinic.SubmitAsync(Page(agreement), $"{Page(agreement)}/payments/{first.Id}/dispute", new Dictionary<string, string> { ["reason"] = "未收到该笔转账" });
        var fields = Fields(agreement);
        fields["Reference"] = "转账流水 0002";
        var again = await PayAsync(home, agreement, fields);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var stored = await StoredAsync(parties, agreement.Id);
        Assert.Equal(first.Id, Assert.Single(stored, p => p.Status == FeePaymentStatus.Pending).CorrectsPaymentId);
        Assert.Contains("未收到该笔转账", await (await home.GetAsync(Page(agreement))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachSide_MayOnlyTakeItsOwnStep()
    {
        var (parties, agreement) = await InForceAsync();
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);

        var clinicPays = await PayAsync(clinic, agreement, Fields(agreement));
        await PayAsync(home, agreement, Fields(agreement));
        var payment = Assert.Single(await StoredAsync(parties, agreement.Id));
        var homeConfirms = await home.SubmitAsync(Page(agreement), $"{Page(agreement)}/payments/{payment.Id}/confirm", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Forbidden, clinicPays.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, homeConfirms.StatusCode);
        Assert.Equal(FeePaymentStatus.Pending, Assert.Single(await StoredAsync(parties, agreement.Id)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await home.GetAsync("/shaoxing/medical/ledger")).StatusCode);
    }

    [Fact]
    public async Task OtherClinicHomeCountyAndTenant_AreKeptOut_AndSeeNothingInTheirLedger()
    {
        var (parties, agreement) = await InForceAsync();
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        await PayAsync(home, agreement, Fields(agreement));
        var payment = Assert.Single(await StoredAsync(parties, agreement.Id));
        var others = await TestParties.CreateAsync(app);
        var otherClinic = await PortalClient.SignedInAsync(app, others.ClinicEmail);
        var otherHome = await PortalClient.SignedInAsync(app, others.StaffEmail);
        var regulator = await PortalClient.SignedInAsync(app, parties.HealthEmail);
        var wenzhou = PortalClient.For(app);
        await wenzhou.LoginAsync("/wenzhou", "clinic@wenzhou.demo");

        Assert.Equal(HttpStatusCode.NotFound, (await otherClinic.GetAsync(Page(agreement))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherHome.GetAsync(Page(agreement))).StatusCode);
        Assert.Contains("403", PortalClient.RedirectPath(await regulator.GetAsync(Page(agreement))), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await wenzhou.GetAsync($"/wenzhou/agreements/{agreement.Id}/fees")).StatusCode);
        var forged = await otherClinic.SubmitAsync("/shaoxing/agreements", $"{Page(agreement)}/payments/{payment.Id}/confirm", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        var forgedPay = await otherHome.SubmitAsync("/shaoxing/agreements", $"{Page(agreement)}/payments", Fields(agreement));
        Assert.Equal(HttpStatusCode.NotFound, forgedPay.StatusCode);
        Assert.Equal(FeePaymentStatus.Pending, Assert.Single(await StoredAsync(parties, agreement.Id)).Status);
        Assert.DoesNotContain(agreement.DocumentNumber, await (await otherClinic.GetAsync("/shaoxing/medical/ledger")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOverdueInstalment_IsInTheHomesToDo()
    {
        var parties = await TestParties.CreateAsync(app);
        // Signed eight months ago: the first half-year is over and nothing was paid.
        await parties.AgreementAsync(AgreementStatus.Effective, new AgreementShape(SignedAtUtc: DateTimeOffset.UtcNow.AddMonths(-8)));
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);

        Assert.Equal(1, await TodoCountAsync(home, "/shaoxing/eldercare", "feesoverdue"));
    }

    [Fact]
    public async Task CooperationFeeItems_AreShownAsTheSignedTextStatesThem()
    {
        var (parties, agreement) = await InForceAsync();
        var cooperation = agreement.IncludedItems.Where(Agreement.IsCooperationFeeItem).ToList();
        Assert.NotEmpty(cooperation); // 坐诊咨询 is priced from 合作经费 in the test clinic's schedule
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);

        var page = await (await home.GetAsync(Page(agreement))).Content.ReadAsStringAsync();

        // The PDF's 费用汇总 line 合作经费服务项目（年度估算）, and each item, as 甲方 pays them for the services given.
        Assert.Contains($"签署文本中的年度估算为 {agreement.FeeTotals.CooperationFeeItems} 元", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"cooperation-items\"", page, StringComparison.Ordinal);
        Assert.All(cooperation, i => Assert.Contains(i.Name, page, StringComparison.Ordinal));
        Assert.Contains("data-testid=\"instalments\"", page, StringComparison.Ordinal);
    }

    private async Task<(TestParties Parties, Agreement Agreement)> InForceAsync()
    {
        var parties = await TestParties.CreateAsync(app);
        var agreement = await parties.AgreementAsync(
            AgreementStatus.Effective, new AgreementShape(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-40)));
        return (parties, agreement);
    }

    private static string Page(Agreement agreement) => $"/shaoxing/agreements/{agreement.Id}/fees";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Fields(Agreement agreement) => new()
    {
        ["Instalment"] = "1-1",
        ["PaidOn"] = Day(BeijingTime.Today(DateTimeOffset.UtcNow).AddDays(-1)),
        ["Amount"] = agreement.Terms.FirstHalfInstalment!.Value.Yuan.ToString("0.00", CultureInfo.InvariantCulture),
        ["Method"] = "BankTransfer",
        ["Reference"] = "转账流水 20260408-0017",
        ["Explanation"] = "",
    };

    private static Task<HttpResponseMessage> PayAsync(PortalClient client, Agreement agreement, Dictionary<string, string> fields) =>
        client.SubmitAsync(Page(agreement), $"{Page(agreement)}/payments", fields);

    private static async Task<int> TodoCountAsync(PortalClient client, string home, string key)
    {
        var html = await (await client.GetAsync(home)).Content.ReadAsStringAsync();
        var match = System.Text.RegularExpressions.Regex.Match(html, $"data-testid=\"todo-{key}\" data-count=\"(\\d+)\"");
        Assert.True(match.Success, $"no to-do line {key}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private Task<List<FeePayment>> StoredAsync(TestParties parties, Guid agreementId) =>
        TestData.InTenantAsync(app, parties.Tenant, db =>
            db.FeePayments.AsNoTracking().Where(p => p.AgreementId == agreementId).OrderBy(p => p.RecordedAtUtc).ToListAsync());
}
