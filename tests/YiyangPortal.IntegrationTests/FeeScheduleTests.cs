using System.Net;
using System.Text.RegularExpressions;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>A medical admin's fee schedule: exact money, versions from a date, Chinese errors next to the field.</summary>
public partial class FeeScheduleTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string Fees = "/shaoxing/medical/fees";

    private static string Today => DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("-5", "Price", "价格不能为负数。")]
    [InlineData("12.345", "Price", "价格最多保留两位小数（精确到分）。")]
    [InlineData("100000.01", "Price", "单价不能超过 100,000 元，请核对。")]
    [InlineData("abc", "Price", "“abc”不是有效的金额或数字。请填写阿拉伯数字，例如 1200 或 1,200.50。")]
    public async Task BadPrice_GetsAChineseMessageNextToTheField(string price, string field, string message)
    {
        var clinic = await ClinicAsync();
        var fields = await PriceFieldsAsync(clinic, price, Today);

        var html = await (await clinic.SubmitAsync(Fees, Fees + "/prices", fields)).Content.ReadAsStringAsync();

        Assert.Contains($"data-field-error=\"{field}\">{message}</div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackdatedPrice_IsRefused_NextToTheDate()
    {
        var clinic = await ClinicAsync();
        var fields = await PriceFieldsAsync(clinic, "100", "2020-01-01");

        var html = await (await clinic.SubmitAsync(Fees, Fees + "/prices", fields)).Content.ReadAsStringAsync();

        Assert.Contains("data-field-error=\"ValidFrom\">生效日期不能早于今天", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PriceChange_StartsANewVersion_AndKeepsTheOldOneUntilTheDayBefore()
    {
        var clinic = await ClinicAsync();
        var future = DateTime.UtcNow.AddHours(8).AddDays(40);
        var fields = await PriceFieldsAsync(clinic, "275.50", future.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        var response = await clinic.SubmitAsync(Fees, Fees + "/prices", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await (await clinic.GetAsync(Fees)).Content.ReadAsStringAsync();
        Assert.Contains("275.50", html, StringComparison.Ordinal);
        Assert.Contains("待生效", html, StringComparison.Ordinal);
        Assert.Contains(future.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnItemOfAnotherCitysCatalogue_IsNotAccepted()
    {
        var wenzhou = PortalClient.For(app);
        await wenzhou.LoginAsync("/wenzhou", "clinic@wenzhou.demo");
        var wenzhouItem = ItemOption().Match(await (await wenzhou.GetAsync("/wenzhou/medical/fees")).Content.ReadAsStringAsync()).Groups[1].Value;
        var clinic = await ClinicAsync();
        var fields = await PriceFieldsAsync(clinic, "10", Today);
        fields["ServiceItemId"] = wenzhouItem;

        var html = await (await clinic.SubmitAsync(Fees, Fees + "/prices", fields)).Content.ReadAsStringAsync();

        Assert.Contains("data-field-error=\"ServiceItemId\">请选择服务目录中的在用项目。", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoSchedule_ShowsPricesAndConsultationFeesPerTitle()
    {
        var html = await (await (await ClinicAsync()).GetAsync(Fees)).Content.ReadAsStringAsync();

        Assert.Contains("坐诊咨询", html, StringComparison.Ordinal);
        Assert.Matches("<td>正高</td><td class=\"text-end font-monospace\">200.00</td>", html);
    }

    [Theory]
    [InlineData("staff@shaoxing.demo")]
    [InlineData("admin@shaoxing.demo")]
    public async Task OnlyMedicalAdmins_ReachTheFeeSchedule(string email)
    {
        var client = PortalClient.For(app);
        await client.LoginAsync("/shaoxing", email);

        Assert.StartsWith("/shaoxing/error/403", PortalClient.RedirectPath(await client.GetAsync(Fees)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_EditsTheirOwnProfile_AndTheChangeIsRecorded()
    {
        var staff = PortalClient.For(app);
        await staff.LoginAsync("/shaoxing", "staff@shaoxing.demo");
        var fields = new Dictionary<string, string>
        {
            ["Address"] = "绍兴市越城区解放北路 188 号",
            ["LegalRepresentative"] = "王建国",
            ["ContactPerson"] = "王丽",
            ["ContactPhone"] = "0575-88123456",
            ["Beds"] = "120",
            ["Residents"] = "90",
        };

        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync("/shaoxing/profile", "/shaoxing/profile", fields)).StatusCode);
        var html = await (await staff.GetAsync("/shaoxing/profile")).Content.ReadAsStringAsync();
        Assert.Contains("value=\"0575-88123456\"", html, StringComparison.Ordinal);
        Assert.Contains("王丽（福乐养老院） · 修改", html, StringComparison.Ordinal);

        fields["Residents"] = "121";
        var refused = await (await staff.SubmitAsync("/shaoxing/profile", "/shaoxing/profile", fields)).Content.ReadAsStringAsync();
        Assert.Contains("养老机构的在住人数不能超过床位数。", refused, StringComparison.Ordinal);
    }

    private async Task<PortalClient> ClinicAsync()
    {
        var client = PortalClient.For(app);
        await client.LoginAsync("/shaoxing", "clinic@shaoxing.demo");
        return client;
    }

    private static async Task<Dictionary<string, string>> PriceFieldsAsync(PortalClient clinic, string price, string from)
    {
        var html = await (await clinic.GetAsync(Fees)).Content.ReadAsStringAsync();
        return new Dictionary<string, string>
        {
            ["ServiceItemId"] = ClinicOption().Match(html).Groups[1].Value,
            ["Price"] = price,
            ["Unit"] = "TimesPerMonth",
            ["Funding"] = "CooperationFee",
            ["ValidFrom"] = from,
        };
    }

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\">坐诊咨询")]
    private static partial Regex ClinicOption();

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\">")]
    private static partial Regex ItemOption();
}
