using System.Globalization;
using Microsoft.Playwright;

namespace YiyangPortal.BrowserTests;

/// <summary>
/// 2020 guide 六(二) in the browser: staff proposes a 协商一致 termination, the agreement stays 已生效 and both see the
/// proposal; the clinic confirms and the agreement is 已终止 with its 终止备案.
/// </summary>
[Collection(BrowserCollection.Name)]
public class TerminationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task StaffProposes_ClinicConfirms_AgreementIsTerminatedAndFiled()
    {
        var (_, url) = await AgreementJourneyTests.SignNewAgreementAsync(browser);
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var staff = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "staff@shaoxing.demo", "/shaoxing/eldercare");
        await staff.GotoAsync(url);
        await staff.GetByLabel("协商一致终止（对方确认后生效）").CheckAsync();
        await staff.GetByLabel("终止理由").FillAsync("养老院搬迁");
        await staff.GetByLabel("终止日期").FillAsync(today);
        await staff.GetByRole(AriaRole.Button, new() { Name = "提出终止" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("pending-termination")).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByTestId("status")).ToHaveTextAsync("已生效");
        await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { Name = "撤回终止申请" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(staff, "termination-proposed");

        var clinic = await SignInJourneyTests.SignInAsync(browser, "shaoxing", "clinic@shaoxing.demo", "/shaoxing/medical");
        await clinic.GotoAsync(url);
        await Assertions.Expect(clinic.GetByTestId("termination-kind")).ToHaveTextAsync("协商一致终止");
        await clinic.GetByRole(AriaRole.Button, new() { Name = "确认终止" }).ClickAsync();
        await Assertions.Expect(clinic.GetByTestId("status")).ToHaveTextAsync("已终止");
        await Assertions.Expect(clinic.GetByTestId("termination-filing-deadlines")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(clinic, "termination-confirmed");
        await staff.Context.CloseAsync();
        await clinic.Context.CloseAsync();
    }
}
