using System.Globalization;
using Microsoft.Playwright;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.TestSupport;

namespace YiyangPortal.BrowserTests;

/// <summary>
/// Issue 15, a month at a time: the clinic opens the month grid from the fulfilment page, adds a row with the
/// 添加一行 button, enters two visits (one first with a phone number in its notes, refused at its cell with
/// everything kept) and sees both listed 待确认. The data is the test's own (a county, home and clinic in 温州市).
/// </summary>
[Collection(BrowserCollection.Name)]
public class ServiceRecordGridJourneyTests(BrowserFixture browser)
{
    private const string Tenant = "wenzhou";

    [Fact]
    public async Task ClinicFillsTheMonthGrid_WithTwoVisits_AndSeesThemPending()
    {
        var parties = await TestParties.CreateAsync(browser.App, Tenant);
        var agreement = await parties.AgreementAsync(AgreementStatus.Effective, new(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-40)));
        await TestData.InTenantAsync(browser.App, Tenant, async db =>
        {
            db.StaffMembers.Add(new StaffMember(parties.TenantId, parties.ClinicId, "吴医生", ProfessionalTitle.Intermediate));
            return await db.SaveChangesAsync();
        });
        var item = agreement.IncludedItems.First(i => i.Clause is null && i.Frequency > 0);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var second = today.Day > 2 ? today.AddDays(-1) : today.AddDays(-today.Day); // two days of one month, both past
        var first = second.AddDays(-1);

        var clinic = await SignInJourneyTests.SignInAsync(browser, Tenant, parties.ClinicEmail, $"/{Tenant}/medical");
        await clinic.GotoAsync($"{browser.BaseUrl}/{Tenant}/agreements/{agreement.Id}/fulfilment?month={first:yyyy-MM}");
        await clinic.GetByTestId("grid-link").ClickAsync();
        await Assertions.Expect(clinic.GetByTestId("grid-form")).ToBeVisibleAsync();
        var blank = await clinic.Locator("[data-grid-row]").CountAsync();
        await clinic.GetByRole(AriaRole.Button, new() { Name = "添加一行" }).ClickAsync();
        await Assertions.Expect(clinic.Locator("[data-grid-row]")).ToHaveCountAsync(blank + 1);

        foreach (var (i, day) in new[] { (0, first), (blank, second) })
        {
            await clinic.Locator($"#rows_{i}_ServiceDate").FillAsync(Day(day));
            await clinic.Locator($"#rows_{i}_AgreementItemId").SelectOptionAsync(new SelectOptionValue { Label = item.Name });
            await clinic.Locator($"#rows_{i}_StaffMemberId").SelectOptionAsync(new SelectOptionValue { Label = "吴医生（中级）" });
            await clinic.Locator($"#rows_{i}_ResidentsServed").FillAsync("15");
            await clinic.Locator($"#rows_{i}_DurationMinutes").FillAsync("60");
        }

        await clinic.Locator($"#rows_{blank}_Notes").FillAsync("家属电话 13800138000");
        await clinic.GetByTestId("grid-save").ClickAsync();
        await Assertions.Expect(clinic.Locator("[data-field-error='rows[1].Notes']")).ToContainTextAsync("只记人数");
        await Assertions.Expect(clinic.Locator("#rows_0_ServiceDate")).ToHaveValueAsync(Day(first));
        await Assertions.Expect(clinic.Locator("#rows_1_Notes")).ToHaveValueAsync("家属电话 13800138000");
        await BrowserFixture.ScreenshotAsync(clinic, "fulfilment-grid-refused");

        await clinic.Locator("#rows_1_Notes").FillAsync("血压随访");
        await clinic.GetByTestId("grid-save").ClickAsync();
        await Assertions.Expect(clinic.GetByTestId("flash")).ToContainTextAsync("已登记 2 条服务记录");
        foreach (var day in new[] { first, second })
        {
            await Assertions.Expect(clinic.Locator("[data-testid=records] tbody tr", new() { HasText = Day(day) }).First).ToContainTextAsync("待确认");
        }

        await clinic.SetViewportSizeAsync(390, 900);
        await clinic.GotoAsync($"{browser.BaseUrl}/{Tenant}/agreements/{agreement.Id}/fulfilment/grid?month={first:yyyy-MM}");
        await BrowserFixture.ScreenshotAsync(clinic, "fulfilment-grid-390");
        await clinic.Context.CloseAsync();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
