using System.Net;
using System.Text.RegularExpressions;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Drafting;

/// <summary>
/// The item table of a 附件1 draft whose first row is the clause-linked 坐诊咨询 (edited at clause 一, so it has no
/// box): every other row's frequency is saved, a bad one comes back at its box as typed (review A, finding 1); the
/// add-item box reports all of a post's problems at once (finding 10); adding 坐诊咨询 never rewrites clause 一
/// (finding 6, ADR 050). Forms are posted with the field names the page renders.
/// </summary>
public sealed partial class DraftItemTableTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string ClinicItem = "坐诊咨询（中级职称及以上医师）";
    private const string FollowUps = "慢性病规范化管理随访（每年不少于4次）";
    private const string Lectures = "健康教育讲座和专题健康咨询";

    private readonly AgreementSteps _steps = new(app);

    [Fact]
    public async Task SecondRowFrequency_AfterTheClauseRow_IsSaved()
    {
        var (staff, id) = await ThreeItemsAsync();
        var form = await DraftFormPost.ReadAsync(staff, id);
        Assert.Throws<InvalidOperationException>(() => form.FrequencyFieldOf(ClinicItem)); // the locked row has no box
        var box = form.FrequencyFieldOf(FollowUps);
        Assert.Equal("4", form.Value(box));

        var response = await form.Set(box, "6").PostAsync(staff, "save");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var again = await DraftFormPost.ReadAsync(staff, id);
        Assert.Equal("6", again.Value(again.FrequencyFieldOf(FollowUps)));
        Assert.Equal("2", again.Value(again.FrequencyFieldOf(Lectures)));
    }

    [Fact]
    public async Task InvalidRowFrequencies_AfterTheClauseRow_ComeBackAtTheirBoxes_AsTyped_AndNothingIsSaved()
    {
        var (staff, id) = await ThreeItemsAsync();
        var form = await DraftFormPost.ReadAsync(staff, id);
        var (followUps, lectures) = (form.FrequencyFieldOf(FollowUps), form.FrequencyFieldOf(Lectures));

        var response = await form.Set(followUps, "0").Set(lectures, "-1").Set("AnnualHealthServiceFee", "50000").PostAsync(staff, "save");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("频次应为 1 到", DraftFormPost.ErrorAt(page, ErrorKey(followUps)), StringComparison.Ordinal);
        Assert.Contains("频次应为 1 到", DraftFormPost.ErrorAt(page, ErrorKey(lectures)), StringComparison.Ordinal);
        Assert.Equal("0", DraftFormPost.Shown(page, followUps));
        Assert.Equal("-1", DraftFormPost.Shown(page, lectures));
        Assert.Equal("50000", DraftFormPost.Shown(page, "AnnualHealthServiceFee"));
        var saved = await DraftFormPost.ReadAsync(staff, id);
        Assert.Equal("4", saved.Value(saved.FrequencyFieldOf(FollowUps)));
        Assert.NotEqual("50000", saved.Value("AnnualHealthServiceFee"));
    }

    [Fact]
    public async Task AddItem_WithoutAServiceAndWithAnUnreadableFrequency_ReportsEveryProblemAtOnce()
    {
        var (staff, id) = await ThreeItemsAsync();
        var form = await DraftFormPost.ReadAsync(staff, id);
        var followUps = form.FrequencyFieldOf(FollowUps);

        var response = await form.Set("ServicePriceId", string.Empty).Set("Frequency", "abc").Set(followUps, "0").PostAsync(staff, "add");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal("请从对方当前的收费标准中选择要添加的服务项目。", DraftFormPost.ErrorAt(page, "ServicePriceId"));
        Assert.Equal("“abc”不是整数。请填写阿拉伯数字，例如 4。", DraftFormPost.ErrorAt(page, "Frequency"));
        Assert.NotNull(DraftFormPost.ErrorAt(page, ErrorKey(followUps)));
        Assert.Equal("abc", DraftFormPost.Shown(page, "Frequency"));
    }

    [Fact]
    public async Task AddingTheClinicItem_WithAnotherNumberThanClauseOne_IsRefusedAtTheBox_AndClauseOneStays_Adr050()
    {
        var (staff, id) = await _steps.DraftAsync();
        var terms = await DraftFormPost.ReadAsync(staff, id);
        Assert.Equal(HttpStatusCode.Redirect, (await terms.Set("ClinicSessionsPerMonth", "4").PostAsync(staff, "save")).StatusCode);
        var form = await DraftFormPost.ReadAsync(staff, id);

        var response = await form.Set("ServicePriceId", DraftFormPost.PriceOf(form.Page, ClinicItem)).Set("Frequency", "48").PostAsync(staff, "add");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("条款一的每月坐诊次数（现为 4 次/月）", DraftFormPost.ErrorAt(page, "Frequency"), StringComparison.Ordinal);
        Assert.Equal("48", DraftFormPost.Shown(page, "Frequency"));
        var saved = await DraftFormPost.ReadAsync(staff, id);
        Assert.Equal("4", saved.Value("ClinicSessionsPerMonth"));
        Assert.DoesNotContain($"{ClinicItem}<div", saved.Page, StringComparison.Ordinal);

        // Left empty, the item takes clause 一's number.
        var added = await saved.Set("ServicePriceId", DraftFormPost.PriceOf(saved.Page, ClinicItem)).Set("Frequency", string.Empty).PostAsync(staff, "add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var after = await DraftFormPost.ReadAsync(staff, id);
        Assert.Equal("4", after.Value("ClinicSessionsPerMonth"));
        Assert.Contains($"{ClinicItem}<div", after.Page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingTheClinicItem_ToAnEmptyClauseOne_SaysThatItFilledTheClause()
    {
        var (staff, id) = await _steps.DraftAsync();

        await AgreementSteps.FillAsync(staff, id); // 坐诊咨询 with 4, clause 一 empty

        var page = await (await staff.GetAsync($"/shaoxing/agreements/{id}/edit")).Content.ReadAsStringAsync();
        Assert.Contains($"已添加“{ClinicItem}”，并将条款一的每月坐诊次数填为 4 次/月（两处为同一数值），草稿已保存。", page, StringComparison.Ordinal);
        Assert.Equal("4", DraftFormPost.Shown(page, "ClinicSessionsPerMonth"));
    }

    /// <summary>A 附件1 draft: 坐诊咨询 (clause 一, first row), then 慢性病随访 ×4 and 健康教育讲座 ×2.</summary>
    private async Task<(PortalClient Staff, string Id)> ThreeItemsAsync()
    {
        var (staff, id) = await _steps.DraftAsync();
        await AgreementSteps.FillAsync(staff, id);
        foreach (var (name, frequency) in new[] { (FollowUps, "4"), (Lectures, "2") })
        {
            var form = await DraftFormPost.ReadAsync(staff, id);
            var added = await form.Set("ServicePriceId", DraftFormPost.PriceOf(form.Page, name)).Set("Frequency", frequency).PostAsync(staff, "add");
            Assert.True(added.StatusCode == HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
        }

        return (staff, id);
    }

    /// <summary>"items[id].Frequency" (the box) → "Items[id].Frequency" (where its message is shown).</summary>
    private static string ErrorKey(string boxName) => "Items" + ItemsPrefix().Replace(boxName, string.Empty);

    [GeneratedRegex("^items", RegexOptions.IgnoreCase)]
    private static partial Regex ItemsPrefix();
}
