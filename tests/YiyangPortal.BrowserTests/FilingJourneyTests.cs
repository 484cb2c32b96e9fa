using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using YiyangPortal.Domain.Documents;
using YiyangPortal.TestSupport;

namespace YiyangPortal.BrowserTests;

/// <summary>
/// Issue 6: an agreement is signed in the browser by both parties, its filing appears for both bureaus, the 民政局
/// returns it with a reason, the nursing home resubmits and the 民政局 accepts.
/// </summary>
[Collection(BrowserCollection.Name)]
public class FilingJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task SignedAgreement_IsFiledWithBothBureaus_ReturnedResubmittedAndAccepted()
    {
        var number = await AgreementJourneyTests.SignNewAgreementInTheBrowserAsync(browser);

        var staff = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "staff@shaoxing.demo", "/shaoxing/eldercare");
        await staff.GetByRole(AriaRole.Link, new() { Name = "备案", Exact = true }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "待报送", Exact = true }).ClickAsync(); // the demo home has many filings
        var rows = staff.Locator("tbody tr").Filter(new() { HasText = number });
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Filter(new() { HasText = "越城区民政局" })).ToContainTextAsync("待报送");
        await Assertions.Expect(rows.Filter(new() { HasText = "越城区卫生健康局" })).ToContainTextAsync("待报送");
        await BrowserFixture.ScreenshotAsync(staff, "filing-1-party-list");

        await rows.Filter(new() { HasText = "越城区民政局" }).GetByRole(AriaRole.Link).ClickAsync();
        await staff.GetByLabel("盖章扫描件（可选）").SetInputFilesAsync(new FilePayload { Name = "盖章件.pdf", MimeType = "application/pdf", Buffer = TestPdf.WithText("stamped copy") });
        await staff.GetByRole(AriaRole.Button, new() { Name = "报送备案" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("flash")).ToContainTextAsync("已向民政局报送备案");
        var filingUrl = staff.Url;

        var civil = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "minzheng@shaoxing.demo", "/shaoxing/regulator");
        await civil.GetByRole(AriaRole.Link, new() { Name = "备案审查" }).ClickAsync();
        await civil.GetByRole(AriaRole.Link, new() { Name = "已报送", Exact = true }).ClickAsync();
        await civil.Locator("tbody tr").Filter(new() { HasText = number }).GetByRole(AriaRole.Link).ClickAsync();
        await civil.GetByRole(AriaRole.Button, new() { Name = "退回补正", Exact = true }).ClickAsync();
        await Assertions.Expect(civil.Locator("[data-field-error=Reason]")).ToHaveTextAsync("请填写退回补正的理由。");
        await civil.GetByLabel("退回补正的理由").FillAsync("扫描件缺少乙方公章，请补充后重新报送。");
        await civil.GetByRole(AriaRole.Button, new() { Name = "退回补正", Exact = true }).ClickAsync();
        await Assertions.Expect(civil.GetByTestId("filing-status").First).ToHaveTextAsync("退回补正");
        await BrowserFixture.ScreenshotAsync(civil, "filing-2-regulator-returned");

        await staff.GotoAsync(filingUrl);
        await Assertions.Expect(staff.GetByTestId("return-reason")).ToContainTextAsync("缺少乙方公章");
        await staff.GetByLabel("说明（可选）").FillAsync("已补充乙方公章。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "重新报送" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("filing-status").First).ToHaveTextAsync("已报送");

        await civil.ReloadAsync();
        await civil.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Assertions.Expect(civil.GetByTestId("filing-status").First).ToHaveTextAsync("已受理");
        await Assertions.Expect(civil.GetByTestId("history").Locator("li")).ToHaveCountAsync(4);
        await BrowserFixture.ScreenshotAsync(civil, "filing-3-regulator-accepted");

        var health = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "weijian@shaoxing.demo", "/shaoxing/regulator");
        await health.GotoAsync(browser.BaseUrl + "/shaoxing/filings?status=Pending");
        await Assertions.Expect(health.Locator("tbody tr").Filter(new() { HasText = number })).ToContainTextAsync("越城区卫生健康局");
        foreach (var page in new[] { staff, civil, health })
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task CityRegulator_ReadsTheDashboard_AndVisitorsSeeThePublicPages()
    {
        var city = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "city@shaoxing.demo", "/shaoxing/regulator");
        await city.GetByRole(AriaRole.Link, new() { Name = "统计分析" }).ClickAsync();
        await Assertions.Expect(city.GetByTestId("county-table")).ToContainTextAsync("全市合计");
        await BrowserFixture.ScreenshotAsync(city, "filing-dashboard-city");
        await city.Context.CloseAsync();

        // A county of its own, so that the list shows this test's home on its first page.
        var app = browser.App;
        var county = await TestData.NewCountyAsync(app, $"浏览器{Random.Shared.Next(1000, 9999)}县");
        var home = await TestData.NewElderCareAsync(app, county.Name);
        var partner = await TestData.NewMedicalAsync(app, county.Name);
        var agreement = await TestData.AgreementAsync(app, TestData.Effective(home.Id, partner.Id, DateTimeOffset.UtcNow));
        var executed = await TestData.InTenantAsync(app, TestData.Shaoxing, db => db.AgreementDocuments
            .Where(d => d.AgreementId == agreement.Id && d.Kind == AgreementDocumentKind.Executed).Select(d => d.Content).SingleAsync());

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(browser.BaseUrl + $"/shaoxing/public?county={county.Id}");
        await Assertions.Expect(visitor.GetByTestId("public-institution").First).ToContainTextAsync(home.Name);
        await BrowserFixture.ScreenshotAsync(visitor, "public-list");
        await visitor.GotoAsync(browser.BaseUrl + $"/shaoxing/verify/{agreement.DocumentNumber}");
        await visitor.GetByLabel("上传 PDF，核对是否与存档文件完全一致").SetInputFilesAsync(new FilePayload
        {
            Name = "协议.pdf",
            MimeType = "application/pdf",
            Buffer = executed,
        });
        await visitor.GetByRole(AriaRole.Button, new() { Name = "核验文件" }).ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("verify-result")).ToContainTextAsync("一致");
        await BrowserFixture.ScreenshotAsync(visitor, "public-verify");
        await visitor.Context.CloseAsync();
    }
}
