using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace YiyangPortal.BrowserTests;

/// <summary>
/// Issue 4's whole journey with two users: staff drafts, the clinic proposes a change to one item, staff accepts it
/// and resubmits, the clinic accepts, both sign, and the agreement is 已生效.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AgreementJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task StaffAndClinic_DraftReviewAndSign_UntilEffective()
    {
        var staff = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "staff@shaoxing.demo", "/shaoxing/eldercare");
        await staff.GetByRole(AriaRole.Link, new() { Name = "新建协议" }).ClickAsync();
        await staff.GetByLabel("养医联合体服务协议").CheckAsync();
        await staff.Locator("label.list-group-item", new() { HasText = "塔山街道社区卫生服务中心" }).Locator("input").CheckAsync();
        await BrowserFixture.ScreenshotAsync(staff, "agreement-new");
        await staff.GetByRole(AriaRole.Button, new() { Name = "创建草稿" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("flash")).ToContainTextAsync("已创建协议草稿");

        // Submitting an empty draft shows what is missing next to the fields, and keeps the page.
        await staff.GetByRole(AriaRole.Button, new() { Name = "提交医疗机构审核" }).ClickAsync();
        await Assertions.Expect(staff.Locator("[data-field-error=ClinicSessionsPerMonth]")).ToHaveTextAsync("请填写每月坐诊次数（至少 1 次）。");
        await Assertions.Expect(staff.Locator("[data-field-error=Items]")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(staff, "agreement-draft-errors");

        await AddItemAsync(staff, "坐诊咨询", "4");
        await AddItemAsync(staff, "医疗查房", "2");
        var terms = staff.Locator("#terms");
        await terms.GetByLabel("医疗服务站点").SelectOptionAsync(new SelectOptionValue { Label = "乙方延伸设置医务室" });
        await terms.GetByLabel("坐诊次数（次/月）").FillAsync("4");
        await terms.GetByLabel("坐诊医师（名）").FillAsync("2");
        await terms.GetByLabel("查房次数（次/月）").FillAsync("2");
        await terms.GetByLabel("查房医师（名）").FillAsync("1");
        await terms.GetByLabel("会诊费·正高（元/次）").FillAsync("300");
        await terms.GetByLabel("会诊费·副高（元/次）").FillAsync("200");
        await terms.GetByLabel("会诊费·中级（元/次）").FillAsync("120");
        await terms.GetByLabel("就诊医疗费用由谁支付").SelectOptionAsync(new SelectOptionValue { Label = "甲方康养人员自理" });
        await terms.GetByLabel("年度健康服务费（元）").FillAsync("36000");
        // A term starting next month: signed now, the agreement reads 已签署·待生效 until its first day.
        await terms.GetByLabel("有效期自").FillAsync(Day(31));
        await terms.GetByLabel("有效期至").FillAsync(Day(395));
        await BrowserFixture.ScreenshotAsync(staff, "agreement-draft-filled");
        await staff.GetByRole(AriaRole.Button, new() { Name = "提交医疗机构审核" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("status")).ToHaveTextAsync("待医疗机构审核");
        var url = staff.Url;

        var clinic = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "clinic@shaoxing.demo", "/shaoxing/medical");
        await clinic.GotoAsync(url);
        await ReviewAsync(clinic, "坐诊咨询", approve: true);
        var rounds = clinic.Locator("[data-testid=items] tr", new() { HasText = "医疗查房" });
        await rounds.Locator("summary").ClickAsync();
        await rounds.GetByLabel("建议频次").FillAsync("3");
        await rounds.GetByLabel("理由").First.FillAsync("每月查房需覆盖三个楼层");
        await rounds.GetByRole(AriaRole.Button, new() { Name = "建议修改" }).ClickAsync();
        await Assertions.Expect(clinic.GetByTestId("proposal")).ToContainTextAsync("3");
        await clinic.GetByLabel("退回理由").FillAsync("请确认查房频次");
        await clinic.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Assertions.Expect(clinic.GetByTestId("status")).ToHaveTextAsync("退回修改");
        await ShotsAsync(clinic, "agreement-clinic-proposal");

        await staff.GotoAsync(url);
        await ShotsAsync(staff, "agreement-staff-sees-proposal");
        await staff.GetByRole(AriaRole.Button, new() { Name = "接受建议" }).ClickAsync();
        await staff.GotoAsync(url + "/edit");
        await staff.GetByRole(AriaRole.Button, new() { Name = "提交医疗机构审核" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("status")).ToHaveTextAsync("待医疗机构审核");

        // Accepting the clinic's own proposal agreed the item: nothing is left to review, only to accept.
        await clinic.GotoAsync(url);
        await Assertions.Expect(clinic.GetByTestId("next-step")).ToContainTextAsync("已审核 2 / 2 项");
        await clinic.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await Assertions.Expect(clinic.GetByTestId("status")).ToHaveTextAsync("待签署");
        await SignAsync(clinic, "陈明", "主任");
        await Assertions.Expect(clinic.GetByTestId("status")).ToHaveTextAsync("部分签署");

        await staff.GotoAsync(url);
        await SignAsync(staff, "王丽", "院长");
        await Assertions.Expect(staff.GetByTestId("status")).ToHaveTextAsync("已签署·待生效");
        await Assertions.Expect(staff.GetByTestId("next-step")).ToContainTextAsync("截止");
        await Assertions.Expect(staff.GetByTestId("signatures")).ToContainTextAsync("备案");
        await ShotsAsync(staff, "agreement-effective");

        // The clinic's proposal (查房 2 → 3 次/月) changed clause 二 and the schedule alike: the PDF says 3 twice.
        var pdf = await staff.Context.APIRequest.GetAsync(url + "/pdf");
        var text = string.Concat(UglyToad.PdfPig.PdfDocument.Open(await pdf.BodyAsync()).GetPages().Select(p => p.Text)).Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("开展医疗查房服务。乙方提供3次/月", text, StringComparison.Ordinal);
        Assert.Matches("医疗查房（中级职称及以上医师）3次/月", text);
        Assert.DoesNotContain("乙方提供2次/月，派1名", text, StringComparison.Ordinal);
        await staff.Context.CloseAsync();
        await clinic.Context.CloseAsync();
    }

    [Fact]
    public async Task TypedTerms_AreKept_WhenItemsAreAddedAndRemoved_AtEveryWidth()
    {
        var staff = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "staff@shaoxing.demo", "/shaoxing/eldercare");
        await staff.GotoAsync(browser.BaseUrl + "/shaoxing/agreements/new");
        await staff.GetByLabel("养医联合体服务协议").CheckAsync();
        await staff.Locator("label.list-group-item", new() { HasText = "塔山街道社区卫生服务中心" }).Locator("input").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "创建草稿" }).ClickAsync();
        var terms = staff.Locator("#terms");
        await terms.GetByLabel("坐诊医师（名）").FillAsync("２");
        await terms.GetByLabel("年度健康服务费（元）").FillAsync("36,000元");
        await terms.GetByLabel("有效期自").FillAsync("2027-01-01");

        await AddItemAsync(staff, "坐诊咨询", "4");
        await Assertions.Expect(terms.GetByLabel("坐诊医师（名）")).ToHaveValueAsync("2");
        await Assertions.Expect(terms.GetByLabel("年度健康服务费（元）")).ToHaveValueAsync("36000");
        await Assertions.Expect(terms.GetByLabel("坐诊次数（次/月）")).ToHaveValueAsync("4"); // the item set clause 一

        await terms.GetByLabel("查房医师（名）").FillAsync("1");
        await staff.Locator("[data-testid=draft-items] tr", new() { HasText = "坐诊咨询" }).GetByRole(AriaRole.Button, new() { Name = "移除" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("flash")).ToContainTextAsync("已移除");
        await Assertions.Expect(terms.GetByLabel("查房医师（名）")).ToHaveValueAsync("1");

        // Adding without choosing an item: the message is at the select, the summary links it, nothing typed is lost.
        await terms.GetByLabel("有效期至").FillAsync("2027-12-31");
        await staff.Locator("#add-item").GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
        await Assertions.Expect(staff.Locator("[data-field-error=ServicePriceId]")).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByTestId("error-summary")).ToContainTextAsync("请从对方当前的收费标准中选择");
        await Assertions.Expect(staff.Locator("#ServicePriceId")).ToBeFocusedAsync();
        await Assertions.Expect(terms.GetByLabel("有效期至")).ToHaveValueAsync("2027-12-31");
        foreach (var width in new[] { 1366, 768, 390 })
        {
            await staff.SetViewportSizeAsync(width, 900);
            await BrowserFixture.ScreenshotAsync(staff, $"agreement-draft-kept-{width}");
        }

        await staff.Context.CloseAsync();
    }

    [Fact]
    public async Task ProjectCooperationTemplate_IsDraftedSignedAndInForce_WithTheInboxTellingTheClinic()
    {
        var staff = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "staff@shaoxing.demo", "/shaoxing/eldercare");
        await staff.GotoAsync(browser.BaseUrl + "/shaoxing/agreements/new");
        await staff.GetByLabel("医养结合项目服务合作协议").CheckAsync();
        await staff.Locator("label.list-group-item", new() { HasText = "塔山街道社区卫生服务中心" }).Locator("input").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "创建草稿" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#terms").GetByLabel("甲方地址")).ToHaveValueAsync("绍兴市越城区解放北路 188 号");
        await AddItemAsync(staff, "家庭病床查床", "8");
        await AddItemAsync(staff, "慢性病规范化管理随访", "4");
        await BrowserFixture.ScreenshotAsync(staff, "agreement-template2-draft");
        await staff.GetByRole(AriaRole.Button, new() { Name = "提交医疗机构审核" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("status")).ToHaveTextAsync("待医疗机构审核");
        var url = staff.Url;

        var clinic = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "clinic@shaoxing.demo", "/shaoxing/medical");
        await clinic.GetByTestId("inbox-link").ClickAsync();
        await Assertions.Expect(clinic.GetByTestId("inbox")).ToContainTextAsync("已提交，请审核服务项目");
        await BrowserFixture.ScreenshotAsync(clinic, "inbox-clinic");
        await clinic.GotoAsync(url);
        await ReviewAsync(clinic, "家庭病床查床", approve: true);
        await ReviewAsync(clinic, "慢性病规范化管理随访", approve: true);
        await clinic.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await SignAsync(clinic, "陈明", "主任");
        await staff.GotoAsync(url);
        await SignAsync(staff, "王丽", "院长");
        await Assertions.Expect(staff.GetByTestId("status")).ToHaveTextAsync("已生效");
        await Assertions.Expect(staff.Locator("dl")).ToContainTextAsync("至"); // one year from signing, set at the second signature
        await staff.Context.CloseAsync();
        await clinic.Context.CloseAsync();
    }

    [Fact]
    public async Task StatusFilter_AppliesAsSoonAsAStatusIsChosen_UnderTheStrictCsp()
    {
        var staff = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "staff@shaoxing.demo", "/shaoxing/eldercare");
        await staff.Locator("nav").GetByRole(AriaRole.Link, new() { Name = "签约协议", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.Locator("h1")).ToHaveTextAsync("签约协议"); // the menu's name is the page's name

        await staff.GetByLabel("状态").SelectOptionAsync(new SelectOptionValue { Label = "已生效" });

        await staff.WaitForURLAsync(url => url.Contains("status=Effective", StringComparison.Ordinal));
        var badges = staff.GetByTestId("agreement-list").Locator("tbody .badge");
        await Assertions.Expect(badges.First).ToHaveTextAsync(new Regex("^(已生效|已签署·待生效)$"));
        Assert.All(await badges.AllInnerTextsAsync(), b => Assert.Contains(b, new[] { "已生效", "已签署·待生效" }));
        await Assertions.Expect(staff.GetByTestId("status-filter").GetByRole(AriaRole.Button, new() { Name = "查询" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(staff, "agreement-list-filtered");

        await staff.GetByLabel("状态").SelectOptionAsync(new SelectOptionValue { Label = "草稿" });
        await staff.WaitForURLAsync(url => url.Contains("status=Draft", StringComparison.Ordinal));
        await Assertions.Expect(staff.GetByLabel("状态")).ToHaveValueAsync("Draft");
        await staff.Context.CloseAsync();
    }

    /// <summary>附件2 between 福乐养老院 and 塔山, drafted, reviewed and signed by both in the browser; returns its number.</summary>
    internal static async Task<string> SignNewAgreementInTheBrowserAsync(BrowserFixture browser) =>
        (await SignNewAgreementAsync(browser)).Number;

    /// <summary>As <see cref="SignNewAgreementInTheBrowserAsync"/>, with the address of the agreement's page.</summary>
    internal static async Task<(string Number, string Url)> SignNewAgreementAsync(BrowserFixture browser)
    {
        var staff = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "staff@shaoxing.demo", "/shaoxing/eldercare");
        await staff.GotoAsync(browser.BaseUrl + "/shaoxing/agreements/new");
        await staff.GetByLabel("医养结合项目服务合作协议").CheckAsync();
        await staff.Locator("label.list-group-item", new() { HasText = "塔山街道社区卫生服务中心" }).Locator("input").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "创建草稿" }).ClickAsync();
        await AddItemAsync(staff, "家庭病床查床", "8");
        await staff.GetByRole(AriaRole.Button, new() { Name = "提交医疗机构审核" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("status")).ToHaveTextAsync("待医疗机构审核");
        var url = staff.Url;
        var number = (await staff.Locator("h1 .text-secondary").InnerTextAsync()).Trim();

        var clinic = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "clinic@shaoxing.demo", "/shaoxing/medical");
        await clinic.GotoAsync(url);
        await ReviewAsync(clinic, "家庭病床查床", approve: true);
        await clinic.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await SignAsync(clinic, "陈明", "主任");
        await staff.GotoAsync(url);
        await SignAsync(staff, "王丽", "院长");
        await Assertions.Expect(staff.GetByTestId("status")).ToHaveTextAsync("已生效");
        await staff.Context.CloseAsync();
        await clinic.Context.CloseAsync();
        return (number, url);
    }

    /// <summary>
    /// 补充协议 (2020 guide 九(二); issue 11 point 8): staff starts one from an agreement in force, is told it changes
    /// nothing yet, changes one clause and submits; the page and the PDF state only that change.
    /// </summary>
    [Fact]
    public async Task Supplement_StartsFromTheOriginal_AndStatesOnlyItsChange()
    {
        var staff = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "staff@shaoxing.demo", "/shaoxing/eldercare");
        await staff.GotoAsync(browser.BaseUrl + "/shaoxing/agreements?status=Effective");
        var links = await staff.Locator("[data-testid=agreement-list] tbody a[href*='/agreements/']").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        string? original = null;
        foreach (var href in links.Distinct())
        {
            await staff.GotoAsync(browser.BaseUrl + href);
            if (await staff.GetByRole(AriaRole.Button, new() { Name = "补充协议" }).CountAsync() > 0
                && (await staff.Locator("h1").InnerTextAsync()).StartsWith("养医联合体服务协议", StringComparison.Ordinal))
            {
                original = href;
                break;
            }
        }

        Assert.NotNull(original);
        await staff.GetByRole(AriaRole.Button, new() { Name = "补充协议" }).ClickAsync();
        await Assertions.Expect(staff.Locator("h1")).ToContainTextAsync("补充协议");
        await Assertions.Expect(staff.GetByTestId("original")).ToBeVisibleAsync();
        await Assertions.Expect(staff.Locator("body")).ToContainTextAsync("尚未变更原协议的任何内容");
        var doctors = staff.Locator("#terms").GetByLabel("查房医师（名）");
        var before = int.Parse(await doctors.InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await doctors.FillAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await staff.GetByRole(AriaRole.Button, new() { Name = "提交医疗机构审核" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("status")).ToHaveTextAsync("待医疗机构审核");
        await Assertions.Expect(staff.Locator("body")).ToContainTextAsync($"由“{before}”变更为“{before + 1}”");
        await ShotsAsync(staff, "agreement-supplement");

        var pdf = await staff.Context.APIRequest.GetAsync(staff.Url + "/pdf");
        var bytes = await pdf.BodyAsync();
        await File.WriteAllBytesAsync(Path.Combine(BrowserFixture.ScreenshotDirectory, "agreement-supplement.pdf"), bytes);
        var text = string.Concat(UglyToad.PdfPig.PdfDocument.Open(bytes).GetPages().Select(p => p.Text)).Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("《养医联合体服务协议》补充协议", text, StringComparison.Ordinal);
        Assert.Contains($"由“{before}”变更为“{before + 1}”", text, StringComparison.Ordinal);
        await staff.Context.CloseAsync();
    }

    /// <summary>The page at desktop, tablet and phone widths (issue 10: every page looked at at the three widths).</summary>
    private static async Task ShotsAsync(IPage page, string name)
    {
        var size = page.ViewportSize;
        foreach (var width in new[] { 1366, 768, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await BrowserFixture.ScreenshotAsync(page, $"{name}-{width}");
        }

        await page.SetViewportSizeAsync(size?.Width ?? 1280, size?.Height ?? 800);
    }

    /// <summary>A day relative to today in Beijing, as a date field takes it.</summary>
    private static string Day(int fromToday) =>
        DateTime.UtcNow.AddHours(8).Date.AddDays(fromToday).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task AddItemAsync(IPage page, string item, string frequency)
    {
        var form = page.Locator("#add-item");
        var option = await form.Locator("option", new() { HasText = item }).First.GetAttributeAsync("value");
        await form.GetByLabel("添加服务项目").SelectOptionAsync(option!);
        await form.GetByLabel("频次（按计价单位）").FillAsync(frequency);
        await form.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToContainTextAsync("已添加");
    }

    private static async Task ReviewAsync(IPage page, string item, bool approve)
    {
        var row = page.Locator("[data-testid=items] tr", new() { HasText = item });
        if (!approve)
        {
            await row.Locator("summary").ClickAsync();
        }

        await row.GetByRole(AriaRole.Button, new() { Name = approve ? "同意" : "不同意", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToBeVisibleAsync();
    }

    private static async Task SignAsync(IPage page, string name, string title)
    {
        var sign = page.Locator("#sign");
        await sign.GetByLabel("签署人姓名").FillAsync(name);
        await sign.GetByLabel("职务").FillAsync(title);
        await sign.GetByLabel("我已阅读并同意以上协议内容").CheckAsync();
        await ShotsAsync(page, "agreement-sign-" + title);
        await sign.GetByRole(AriaRole.Button, new() { Name = "确认签署" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("flash")).ToContainTextAsync("已签署");
    }
}
