using System.Net;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Validation;

namespace YiyangPortal.IntegrationTests;

/// <summary>
/// Review A.16: a value MVC cannot bind says what is wrong with it: a number too large for its field says so, a date
/// that is no date shows what is expected; both in the user's language (ModelBindingMessageProvider, localized).
/// </summary>
public class BindingMessagesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly AgreementSteps _steps = new(app);

    [Fact]
    public void AnOverLargeWholeNumber_IsTooLarge_NotNotAWholeNumber()
    {
        Assert.StartsWith("“99999999999”数值过大", LenientNumbers.Message("99999999999", whole: true), StringComparison.Ordinal);
        Assert.StartsWith("“1e30”不是有效的金额或数字", LenientNumbers.Message("1e30", whole: false), StringComparison.Ordinal);
        Assert.StartsWith("“2.5”不是整数", LenientNumbers.Message("2.5", whole: true), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadDateAndAnOverLargeNumber_OnTheDraft_SayWhatIsExpected_InChineseAndInEnglish()
    {
        var (staff, id) = await _steps.DraftAsync();
        var fields = await AgreementSteps.TermsAsync(staff, id, submit: false);
        fields["TermFrom"] = "2026-13-40";
        fields["ClinicDoctorCount"] = "99999999999";

        var refused = await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-field-error=\"TermFrom\">“2026-13-40”不是有效的日期。请输入有效的日期，如 2026-12-31。", page, StringComparison.Ordinal);
        Assert.Contains("data-field-error=\"ClinicDoctorCount\">“99999999999”数值过大", page, StringComparison.Ordinal);
        Assert.DoesNotContain("不是有效的值", page, StringComparison.Ordinal);

        await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", "/shaoxing/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" });
        var english = await (await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", fields)).Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode("“2026-13-40” is not a valid date. Enter a date such as 2026-12-31."), english, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("“99999999999” is too large"), english, StringComparison.Ordinal);
    }
}
