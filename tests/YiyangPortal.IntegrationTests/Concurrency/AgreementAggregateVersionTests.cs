using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Agreements;

namespace YiyangPortal.IntegrationTests.Concurrency;

/// <summary>
/// ADR 051: any change to an agreement's items or history changes the version its pages carry, so a step taken from a
/// stale page is refused with the conflict message and saves nothing (review A finding 3).
/// </summary>
public sealed partial class AgreementAggregateVersionTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly AgreementSteps _steps = new(app);

    [Fact]
    public async Task SecondItemDecision_FromAStalePage_GetsTheConflictMessage_AndTheFirstDecisionStands()
    {
        var (staff, id) = await _steps.DraftAsync();
        await AgreementSteps.FillAsync(staff, id);
        Assert.Equal($"/shaoxing/agreements/{id}", PortalClient.RedirectPath(await staff.SubmitAsync(
            $"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", await AgreementSteps.TermsAsync(staff, id, submit: true))));

        // Two sessions of the clinic open the review page at the same version.
        var first = await _steps.LoginAsync("/shaoxing", "clinic@shaoxing.demo");
        var second = await _steps.LoginAsync("/shaoxing", "clinic@shaoxing.demo");
        var stalePage = await (await second.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        var staleVersion = AgreementSteps.DetailVersion().Match(stalePage).Groups[1].Value;
        var approve = AgreementSteps.ApproveAction().Match(stalePage).Groups[1].Value;
        var itemId = Guid.Parse(ItemOf().Match(approve).Groups[1].Value);

        await AgreementSteps.ActAsync(first, id, approve, []);

        var refused = await second.SubmitAsync($"/shaoxing/agreements/{id}", $"/shaoxing/agreements/{id}/items/{itemId}/propose", new Dictionary<string, string>
        {
            ["version"] = staleVersion,
            ["price"] = "200",
            ["reason"] = "价格太高",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var answer = await refused.Content.ReadAsStringAsync();
        Assert.Contains(AgreementActionsController.ConflictMessage, answer, StringComparison.Ordinal);
        Assert.Contains("value=\"价格太高\"", answer, StringComparison.Ordinal); // what was typed is kept
        var agreementId = Guid.Parse(id);
        var (state, proposals) = await TestData.InTenantAsync(app, TestData.Shaoxing, async db => (
            await db.Agreements.Where(a => a.Id == agreementId).SelectMany(a => a.Items).Where(i => i.Id == itemId).Select(i => i.ReviewState).SingleAsync(),
            await db.Agreements.Where(a => a.Id == agreementId).SelectMany(a => a.Events).CountAsync(e => e.Kind == AgreementEventKind.ItemChangeProposed)));
        Assert.Equal(ItemReviewState.Approved, state);
        Assert.Equal(0, proposals);
    }

    [Fact]
    public async Task DraftSave_FromBeforeAnItemWasAdded_GetsTheConflictMessage()
    {
        var (staff, id) = await _steps.DraftAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(
            $"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", await AgreementSteps.TermsAsync(staff, id, submit: false))).StatusCode);

        // The same terms as saved, so only the items change: the add is the aggregate's only change.
        var stale = await AgreementSteps.TermsAsync(staff, id, submit: false);
        var page = await (await staff.GetAsync($"/shaoxing/agreements/{id}/edit")).Content.ReadAsStringAsync();
        var add = new Dictionary<string, string>(stale)
        {
            ["intent"] = "add",
            ["ServicePriceId"] = AgreementSteps.ClinicPrice().Match(page).Groups[1].Value,
            ["Frequency"] = "4",
        };
        var added = await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", add);
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());

        stale["ClinicSessionsPerMonth"] = "6";
        var refused = await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", stale);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("该协议刚刚被其他人修改过", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var agreementId = Guid.Parse(id);
        var sessions = await TestData.InTenantAsync(app, TestData.Shaoxing, db =>
            db.Agreements.Where(a => a.Id == agreementId).Select(a => a.Terms).SingleAsync());
        Assert.NotEqual(6, sessions.ClinicSessionsPerMonth);
    }

    [GeneratedRegex("/items/([0-9a-f-]{36})/approve")]
    private static partial Regex ItemOf();
}
