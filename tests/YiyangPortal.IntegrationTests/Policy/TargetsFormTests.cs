using System.Net;
using System.Text.RegularExpressions;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Policy;

/// <summary>Issue 11 point 7: the tenant administrator edits the city's targets; bad input is answered in Chinese beside the field.</summary>
public partial class TargetsFormTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Admin_SeesTheSeededTargets_AndAnOutOfRangePercentIsRefusedBesideTheField_KeepingWhatWasTyped()
    {
        var admin = await AdminAsync();
        var fields = await FieldsAsync(admin);
        fields["Targets[0].Percent"] = "120";
        fields["Targets[0].Source"] = "温州 指导意见 一（修订）";

        var response = await admin.SubmitAsync("/wenzhou/admin/targets", "/wenzhou/admin/targets", fields);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("data-field-error=\"Targets[0].Percent\">目标比例应为 1 到 100 之间的整数（%）。", page, StringComparison.Ordinal);
        Assert.Contains("value=\"120\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"温州 指导意见 一（修订）\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_ChangesAddsAndRemovesTargets()
    {
        var admin = await AdminAsync();
        var fields = await FieldsAsync(admin);
        var before = fields.Keys.Count(k => k.EndsWith(".Id", StringComparison.Ordinal));
        var blank = Enumerable.Range(0, 20).First(i => !fields.ContainsKey($"Targets[{i}].Id"));
        fields["Targets[0].Percent"] = "85%";
        fields["Targets[1].Remove"] = "true";
        fields[$"Targets[{blank}].Measure"] = "DayCareSigned";
        fields[$"Targets[{blank}].Percent"] = "50";
        fields[$"Targets[{blank}].Deadline"] = "2027-12-31";
        fields[$"Targets[{blank}].Source"] = "本市 2026 年工作要点";

        var response = await admin.SubmitAsync("/wenzhou/admin/targets", "/wenzhou/admin/targets", fields);
        var after = await (await admin.GetAsync("/wenzhou/admin/targets")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("type=\"text\" value=\"85\"", after, StringComparison.Ordinal);
        Assert.Contains("value=\"本市 2026 年工作要点\"", after, StringComparison.Ordinal);
        Assert.Equal(before, Ids().Matches(after).Count); // one removed, one added
    }

    [Fact]
    public async Task SavingARowDeletedMeanwhile_IsAnsweredBesideTheRow_NotWithAnError()
    {
        var admin = await AdminAsync();
        var fields = await FieldsAsync(admin);
        var removal = new Dictionary<string, string>(fields) { ["Targets[0].Remove"] = "true" };
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/wenzhou/admin/targets", "/wenzhou/admin/targets", removal)).StatusCode);

        var stale = await admin.SubmitAsync("/wenzhou/admin/targets", "/wenzhou/admin/targets", removal);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        Assert.Contains("该目标已不存在，请刷新页面。", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regulators_CannotOpenTheTargetsForm()
    {
        var regulator = PortalClient.For(app);
        await regulator.LoginAsync("/shaoxing", "minzheng@shaoxing.demo");

        var response = await regulator.GetAsync("/shaoxing/admin/targets");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<PortalClient> AdminAsync()
    {
        var admin = PortalClient.For(app);
        await admin.LoginAsync("/wenzhou", "admin@wenzhou.demo");
        return admin;
    }

    private static async Task<Dictionary<string, string>> FieldsAsync(PortalClient admin)
    {
        var page = await (await admin.GetAsync("/wenzhou/admin/targets")).Content.ReadAsStringAsync();
        var fields = Inputs().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        foreach (Match select in Selected().Matches(page))
        {
            fields[WebUtility.HtmlDecode(select.Groups[1].Value)] = select.Groups[2].Value;
        }

        return fields;
    }

    [GeneratedRegex("<input [^>]*name=\"(Targets\\[\\d+\\]\\.(?:Id|Percent|Deadline|Source))\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex Inputs();

    [GeneratedRegex("name=\"(Targets\\[\\d+\\]\\.Measure)\"[^>]*>.*?<option value=\"(\\w+)\" selected=\"selected\"", RegexOptions.Singleline)]
    private static partial Regex Selected();

    [GeneratedRegex("name=\"Targets\\[\\d+\\]\\.Id\"")]
    private static partial Regex Ids();
}
