using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Fees;

/// <summary>
/// ADR 045 through the pages: a signed 补充协议 that raises the 年度健康服务费 changes the unpaid instalments of the halves
/// that begin after it came into force, names itself next to their amounts and takes payments at the new amount; a
/// payment recorded before it stands at its recorded due amount.
/// </summary>
public class FeeSupplementPagesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task ASignedSupplementChangingTheFee_ReDerivesTheUnpaidInstalments_AndPaymentsTakeTheNewAmount()
    {
        var (parties, original, home, clinic) = await TwoYearsInForceAsync();
        var half = original.Terms.FirstHalfInstalment!.Value;
        var newAnnual = original.Terms.AnnualHealthServiceFee!.Value + Money.FromYuan(6_000m);
        var newHalf = Money.FromYuan(newAnnual.Yuan / 2);

        // The 下半年 of year 1 paid in advance, and confirmed, before the supplement.
        Assert.Equal(HttpStatusCode.Redirect, (await PayAsync(home, original, Fields("1-2", half))).StatusCode);
        var early = Assert.Single(await StoredAsync(parties, original.Id));
        await clinic.SubmitAsync(Page(original), $"{Page(original)}/payments/{early.Id}/confirm", new Dictionary<string, string>());

        var (supplementId, number) = await SupplementWithFeeAsync(home, clinic, original, newAnnual);

        var page = await (await home.GetAsync(Page(original))).Content.ReadAsStringAsync();
        Assert.Equal(half.ToString(), Due(page, "1-1")); // began under the original
        Assert.DoesNotContain("data-testid=\"changed-by-1-1\"", page, StringComparison.Ordinal);
        Assert.Equal(half.ToString(), Due(page, "1-2")); // paid before: stands as recorded
        Assert.Contains("data-testid=\"paid-before-1-2\"", page, StringComparison.Ordinal);
        Assert.Equal(newHalf.ToString(), Due(page, "2-1"));
        Assert.Contains($"data-testid=\"changed-by-2-1\">按补充协议 {number} 调整<", page, StringComparison.Ordinal);
        Assert.Contains($"年度健康服务费 {newAnnual} 元", page, StringComparison.Ordinal);

        // The new amount needs no explanation, and the payment keeps it as its due amount.
        var paid = await PayAsync(home, original, Fields("2-1", newHalf));
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var stored = await StoredAsync(parties, original.Id);
        Assert.Equal(newHalf, Assert.Single(stored, p => p.AgreementYear == 2).DueAmount);
        Assert.Equal((half, FeePaymentStatus.Confirmed), (stored.Single(p => p.Id == early.Id).DueAmount, stored.Single(p => p.Id == early.Id).Status));

        // The old amount for a re-derived instalment is a different amount: it needs an explanation.
        var old = await PayAsync(home, original, Fields("2-2", half));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, old.StatusCode);
        Assert.Contains("data-field-error=\"Explanation\"", await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(Guid.Empty, supplementId);
    }

    [Fact]
    public async Task ASupplementRemovingTheFee_ShowsTheWaivedHalvesAndWhy_AndRefusesAPaymentForThem()
    {
        var (parties, original, home, clinic) = await TwoYearsInForceAsync();
        var half = original.Terms.FirstHalfInstalment!.Value;

        var (_, number) = await SupplementWithFeeAsync(home, clinic, original, Money.FromYuan(0m));

        var page = await (await home.GetAsync(Page(original))).Content.ReadAsStringAsync();
        Assert.Equal(half.ToString(), Due(page, "1-1")); // began under the original: still owed
        Assert.Contains($"data-testid=\"waived-by-2-1\">按补充协议 {number} 不再收取<", page, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"waived-by-2-2\">按补充协议 {number} 不再收取<", page, StringComparison.Ordinal);
        var waivedFrom = Regex.Match(page, "data-testid=\"fee-waived\">([^<]+)<").Groups[1].Value;
        Assert.StartsWith($"按补充协议 {number}，自 ", waivedFrom, StringComparison.Ordinal);
        Assert.EndsWith(" 起不再收取年度健康服务费。", waivedFrom, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"2-1\"", page, StringComparison.Ordinal); // not offered for payment

        var refused = await PayAsync(home, original, Fields("2-1", half));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Empty(await StoredAsync(parties, original.Id));

        // The 履约情况报告 of year 2 (read by pdftotext) lists both halves as waived and names the supplement.
        var report = Poppler.Text(await home.Http.GetByteArrayAsync(new Uri($"/shaoxing/agreements/{original.Id}/fulfilment/report?year=2", UriKind.Relative)));
        Assert.Contains("四、年度健康服务费", report, StringComparison.Ordinal);
        Assert.Equal(2, Poppler.Count(report, "不再收取年度健康服务费"));
        Assert.Contains($"注：上半年按补充协议{number}不再收取年度健康服务费。", report, StringComparison.Ordinal);
    }

    /// <summary>
    /// An agreement in force signed 40 days ago for about two years (the first half-year has begun, three more are to
    /// come), with its home and clinic signed in.
    /// </summary>
    private async Task<(TestParties Parties, Agreement Original, PortalClient Home, PortalClient Clinic)> TwoYearsInForceAsync()
    {
        var parties = await TestParties.CreateAsync(app);
        var original = await parties.AgreementAsync(AgreementStatus.Effective, new AgreementShape(
            SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-40), TermEnd: BeijingTime.Today(DateTimeOffset.UtcNow).AddMonths(22)));
        return (parties, original, await PortalClient.SignedInAsync(app, parties.StaffEmail), await PortalClient.SignedInAsync(app, parties.ClinicEmail));
    }

    /// <summary>A 补充协议 of <paramref name="original"/> that changes only the annual fee, through the pages, signed today.</summary>
    private static async Task<(Guid Id, string Number)> SupplementWithFeeAsync(PortalClient home, PortalClient clinic, Agreement original, Money fee)
    {
        var created = await home.SubmitAsync($"/shaoxing/agreements/{original.Id}", $"/shaoxing/agreements/{original.Id}/supplement", new Dictionary<string, string>());
        var id = AgreementSteps.EditPath().Match(PortalClient.RedirectPath(created) ?? string.Empty).Groups[1].Value;
        Assert.NotEmpty(id);
        var edit = await (await home.GetAsync($"/shaoxing/agreements/{id}/edit")).Content.ReadAsStringAsync();
        var terms = await AgreementSteps.TermsAsync(home, id, submit: true);
        foreach (var key in terms.Keys.Where(k => k is not ("Version" or "intent")).ToList())
        {
            // Everything as the supplement was prefilled (the terms in force); selects keep the steps' defaults.
            if (Prefilled(edit, key) is { Length: > 0 } value)
            {
                terms[key] = value;
            }
            else if (key is "TermFrom" or "TermTo")
            {
                terms.Remove(key); // a supplement's page shows its original's term as text (ADR 050)
            }
        }

        terms["AnnualHealthServiceFee"] = fee.Yuan.ToString("0.00", CultureInfo.InvariantCulture);
        var submitted = await home.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", terms);
        Assert.True(PortalClient.RedirectPath(submitted) == $"/shaoxing/agreements/{id}", await submitted.Content.ReadAsStringAsync());
        foreach (Match item in AgreementSteps.ApproveAction().Matches(await (await clinic.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync()))
        {
            await AgreementSteps.ActAsync(clinic, id, item.Groups[1].Value, []);
        }

        await AgreementSteps.ActAsync(clinic, id, $"/shaoxing/agreements/{id}/accept", []);
        await AgreementSteps.ActAsync(clinic, id, $"/shaoxing/agreements/{id}/sign", new() { ["signerName"] = "陈明", ["signerTitle"] = "主任", ["confirmed"] = "true" });
        await AgreementSteps.ActAsync(home, id, $"/shaoxing/agreements/{id}/sign", new() { ["signerName"] = "王丽", ["signerTitle"] = "院长", ["confirmed"] = "true" });
        var page = await (await home.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"status\">已生效<", page, StringComparison.Ordinal);
        var number = Regex.Match(page, "<span class=\"text-secondary fs-6\">([^<（]+)</span></h1>").Groups[1].Value;
        return (Guid.Parse(id), number);
    }

    private static string Due(string page, string key) =>
        Regex.Match(page, $"data-testid=\"due-{key}\">([^<\\s]+)").Groups[1].Value;

    private static string Prefilled(string page, string field) =>
        Regex.Match(page, $"name=\"{field}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value;

    private static string Page(Agreement agreement) => $"/shaoxing/agreements/{agreement.Id}/fees";

    private static Dictionary<string, string> Fields(string instalment, Money amount) => new()
    {
        ["Instalment"] = instalment,
        ["PaidOn"] = BeijingTime.Today(DateTimeOffset.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Amount"] = amount.Yuan.ToString("0.00", CultureInfo.InvariantCulture),
        ["Method"] = "BankTransfer",
        ["Reference"] = "转账流水 20261201-0001",
        ["Explanation"] = "",
    };

    private static Task<HttpResponseMessage> PayAsync(PortalClient client, Agreement agreement, Dictionary<string, string> fields) =>
        client.SubmitAsync(Page(agreement), $"{Page(agreement)}/payments", fields);

    private Task<List<FeePayment>> StoredAsync(TestParties parties, Guid agreementId) =>
        TestData.InTenantAsync(app, parties.Tenant, db =>
            db.FeePayments.AsNoTracking().Where(p => p.AgreementId == agreementId).OrderBy(p => p.RecordedAtUtc).ToListAsync());
}
