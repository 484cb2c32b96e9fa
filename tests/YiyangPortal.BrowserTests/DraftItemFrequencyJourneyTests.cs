using Microsoft.Playwright;

namespace YiyangPortal.BrowserTests;

/// <summary>
/// Review A, finding 1: on a 附件1 draft whose first row is the clause-linked 坐诊咨询 (no box: it is edited at clause
/// 一), the second item's frequency typed in the table is saved and still there after a reload; a 0 comes back at
/// its box with a message and what was typed.
/// </summary>
[Collection(BrowserCollection.Name)]
public class DraftItemFrequencyJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task SecondItemFrequency_AfterTheClauseRow_IsKeptAfterSaveAndReload()
    {
        var staff = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "staff@shaoxing.demo", "/shaoxing/eldercare");
        await staff.GetByRole(AriaRole.Link, new() { Name = "新建协议" }).ClickAsync();
        await staff.GetByLabel("养医联合体服务协议").CheckAsync();
        await staff.Locator("label.list-group-item", new() { HasText = "塔山街道社区卫生服务中心" }).Locator("input").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "创建草稿" }).ClickAsync();
        await AddItemAsync(staff, "坐诊咨询", "4");
        await AddItemAsync(staff, "慢性病规范化管理随访", "4");
        await AddItemAsync(staff, "健康教育讲座", "2");
        var followUps = staff.GetByLabel("频次：慢性病规范化管理随访", new() { Exact = false });
        await Assertions.Expect(followUps).ToHaveValueAsync("4");

        await followUps.FillAsync("0");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).Last.ClickAsync();
        var row = staff.Locator("[data-testid=draft-items] tr", new() { HasText = "慢性病规范化管理随访" });
        await Assertions.Expect(row.Locator("[data-field-error]")).ToContainTextAsync("频次应为 1 到");
        await Assertions.Expect(followUps).ToHaveValueAsync("0");

        await followUps.FillAsync("6");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).Last.ClickAsync();
        await Assertions.Expect(staff.GetByTestId("flash")).ToContainTextAsync("草稿已保存");
        await staff.ReloadAsync();
        await Assertions.Expect(followUps).ToHaveValueAsync("6");
        await Assertions.Expect(staff.GetByLabel("频次：健康教育讲座", new() { Exact = false })).ToHaveValueAsync("2");
    }

    private static async Task AddItemAsync(IPage page, string item, string frequency)
    {
        var form = page.Locator("#add-item");
        var option = await form.Locator("option", new() { HasText = item }).First.GetAttributeAsync("value");
        await form.GetByLabel("添加服务项目").SelectOptionAsync(option!);
        await form.GetByLabel("频次（按计价单位）").FillAsync(frequency);
        await form.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToContainTextAsync("已添加");
    }
}
