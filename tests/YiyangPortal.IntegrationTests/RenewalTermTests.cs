using System.Net;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>ADR 052 (review A 4): a 续签 whose term is typed over its original's is refused at the term field.</summary>
public class RenewalTermTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly AgreementSteps _steps = new(app);

    [Fact]
    public async Task RenewalTermOverTheOriginal_IsRefusedNextToTheTerm_AndNothingIsSaved()
    {
        var (staff, id) = await _steps.EffectiveAsync("2027-01-01", "2027-12-31");
        await AgreementSteps.ActAsync(staff, id, $"/shaoxing/agreements/{id}/renew", []);
        var renewalId = (await TestData.InTenantAsync(app, TestData.Shaoxing, db =>
            db.Agreements.Where(a => a.RenewalOfId == Guid.Parse(id)).Select(a => a.Id).SingleAsync())).ToString();
        var prefilled = await (await staff.GetAsync($"/shaoxing/agreements/{renewalId}/edit")).Content.ReadAsStringAsync();
        Assert.Contains("value=\"2028-01-01\"", prefilled, StringComparison.Ordinal); // the day after the original ends

        var fields = await AgreementSteps.TermsAsync(staff, renewalId, submit: false); // 2027-01-01 至 2027-12-31
        var refused = await staff.SubmitAsync($"/shaoxing/agreements/{renewalId}/edit", $"/shaoxing/agreements/{renewalId}/draft", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-field-error=\"TermTo\">有效期与同一双方的协议", page, StringComparison.Ordinal);
        Assert.Contains("请将有效期从 2028-01-01 起算。", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2027-01-01\"", page, StringComparison.Ordinal); // what was typed is kept
        var stored = await TestData.InTenantAsync(app, TestData.Shaoxing, db =>
            db.Agreements.AsNoTracking().SingleAsync(a => a.Id == Guid.Parse(renewalId)));
        Assert.Equal(new DateOnly(2028, 1, 1), stored.Terms.Term!.Value.From);
    }
}
