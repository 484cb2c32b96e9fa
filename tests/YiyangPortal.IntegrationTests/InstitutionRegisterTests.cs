using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>The tenant admin's institution registers: validation next to the field, history, tenant walls, import.</summary>
public partial class InstitutionRegisterTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string ElderCare = "/shaoxing/admin/institutions/eldercare";

    private static Dictionary<string, string> ValidHome(string name, string code) => new()
    {
        ["Name"] = name,
        ["Kind"] = "NursingHome",
        ["RegistrationNumber"] = "YL" + code[^8..], // ADR 051: an active home's 备案号 is its own
        ["CreditCode"] = code,
        ["Address"] = "绍兴市越城区测试路 1 号",
        ["Beds"] = "60",
        ["Residents"] = "40",
        ["LegalRepresentative"] = "王建国",
        ["ContactPerson"] = "李秀英",
        ["ContactPhone"] = "0575-88001234",
    };

    [Fact]
    public async Task Create_WithBadCreditCode_ShowsTheChineseErrorNextToTheField_AndSavesNothing()
    {
        var admin = await AdminAsync();
        var fields = ValidHome("校验位测试养老院", "52330602MJ0000999X");
        fields["CountyId"] = await YuechengAsync(admin);

        var response = await admin.SubmitAsync(ElderCare + "/new", ElderCare + "/new", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Matches("data-field-error=\"CreditCode\">统一社会信用代码[^<]+</div>", html);
        Assert.Contains("value=\"校验位测试养老院\"", html, StringComparison.Ordinal); // nothing typed is lost
        Assert.DoesNotContain("校验位测试养老院", await ListAsync(admin, "?q=校验位"), StringComparison.Ordinal);
    }

    /// <summary>
    /// A name the agreement's fonts cannot print would be saved and only fail when the agreement's PDF is rendered or
    /// the institution's seal is drawn: it is refused next to the field, naming the character, and nothing typed is lost.
    /// </summary>
    [Fact]
    public async Task Create_WithACharacterTheAgreementCannotPrint_NamesItNextToTheField_AndSavesNothing()
    {
        var admin = await AdminAsync();
        var fields = ValidHome("笑脸😀养老院", UnifiedSocialCreditCode.Complete("52330602MJ0000444").Value);
        fields["CountyId"] = await YuechengAsync(admin);
        fields["ContactPerson"] = "李秀英😀";

        var response = await admin.SubmitAsync(ElderCare + "/new", ElderCare + "/new", fields);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("data-field-error=\"Name\">“😀”无法打印在协议文本中，请删除或改用常用字。</div>", html, StringComparison.Ordinal);
        Assert.Contains("data-field-error=\"ContactPerson\">“😀”无法打印在协议文本中", html, StringComparison.Ordinal);
        Assert.Contains("value=\"笑脸😀养老院\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("笑脸😀养老院", WebUtility.HtmlDecode(await ListAsync(admin, "?q=笑脸")), StringComparison.Ordinal);
    }

    /// <summary>Issue 13.8, ADR 032: a validator's message is a key; an English user reads it in English, values included.</summary>
    [Fact]
    public async Task Create_InEnglish_ShowsTheEnglishValidationMessageNextToTheField()
    {
        var admin = await AdminAsync();
        await admin.SubmitAsync(ElderCare + "/new", "/shaoxing/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = ElderCare });
        var fields = ValidHome("英文校验测试养老院", UnifiedSocialCreditCode.Complete("52330602MJ0000333").Value);
        fields["CountyId"] = await YuechengAsync(admin);
        fields["Beds"] = "30000";
        fields["ContactPerson"] = "";

        var response = await admin.SubmitAsync(ElderCare + "/new", ElderCare + "/new", fields);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("data-field-error=\"Beds\">The number of beds must be between 0 and 20000.</div>", html, StringComparison.Ordinal);
        Assert.Contains("data-field-error=\"ContactPerson\">Please enter the contact person.</div>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("床位数应在", html, StringComparison.Ordinal);
        Assert.Contains("value=\"英文校验测试养老院\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateThenEdit_RecordsWhoChangedWhatFromWhatToWhat()
    {
        var admin = await AdminAsync();
        var code = UnifiedSocialCreditCode.Complete("52330602MJ0000777").Value;
        var fields = ValidHome("历史记录测试养老院", code);
        fields["CountyId"] = await YuechengAsync(admin);
        var created = await admin.SubmitAsync(ElderCare + "/new", ElderCare + "/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var id = EditLink().Match(await ListAsync(admin, "?q=历史记录")).Groups[1].Value;
        fields["ContactPhone"] = "13800000000";
        var updated = await admin.SubmitAsync($"{ElderCare}/{id}", $"{ElderCare}/{id}", fields);
        Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);

        var history = await (await admin.GetAsync($"{ElderCare}/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("绍兴市管理员 孙静 · 修改", history, StringComparison.Ordinal);
        Assert.Matches("联系电话：<span[^>]*>0575-88001234</span> → <span>13800000000</span>", history);
        Assert.Contains("绍兴市管理员 孙静 · 创建", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivate_HidesFromTheDirectory_ButKeepsTheRecord()
    {
        var admin = await AdminAsync();
        var home = await TestData.NewElderCareAsync(app, "诸暨市");
        var id = EditLink().Match(await ListAsync(admin, $"?q={home.Name}")).Groups[1].Value;

        var response = await admin.SubmitAsync($"{ElderCare}/{id}", $"{ElderCare}/{id}/active", new Dictionary<string, string> { ["active"] = "false" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("共 0 家", await ListAsync(admin, $"?q={home.Name}"), StringComparison.Ordinal);
        Assert.Contains(home.Name, await ListAsync(admin, $"?q={home.Name}&active=false"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WenzhouAdmin_CannotOpenAShaoxingInstitution_ByChangingTheId()
    {
        var shaoxing = await AdminAsync();
        var id = EditLink().Match(await ListAsync(shaoxing, "?q=福乐")).Groups[1].Value;
        var wenzhou = PortalClient.For(app);
        await wenzhou.LoginAsync("/wenzhou", "admin@wenzhou.demo");

        Assert.Equal(HttpStatusCode.NotFound, (await wenzhou.GetAsync($"/wenzhou/admin/institutions/eldercare/{id}")).StatusCode);
        var list = await (await wenzhou.GetAsync("/wenzhou/admin/institutions/eldercare?active=")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("福乐", list, StringComparison.Ordinal);
        var post = await wenzhou.SubmitAsync("/wenzhou/admin/institutions/eldercare", $"/wenzhou/admin/institutions/eldercare/{id}/active", new Dictionary<string, string> { ["active"] = "false" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Theory]
    [InlineData("staff@shaoxing.demo")]
    [InlineData("clinic@shaoxing.demo")]
    [InlineData("minzheng@shaoxing.demo")]
    public async Task OtherRoles_CannotUseTheRegisters(string email)
    {
        var client = PortalClient.For(app);
        await client.LoginAsync("/shaoxing", email);

        foreach (var url in new[] { "/shaoxing/admin/institutions/medical", "/shaoxing/admin/institutions/eldercare/import", "/shaoxing/admin/catalogue" })
        {
            var response = await client.GetAsync(url);
            Assert.StartsWith("/shaoxing/error/403", PortalClient.RedirectPath(response), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Import_WithOneBadRow_RejectsTheWholeFile_WithRowByRowChineseErrors()
    {
        var admin = await AdminAsync();
        var good = UnifiedSocialCreditCode.Complete("52330602MJ0000555").Value;
        var csv = "机构名称,类型,区县,备案（登记）号,统一社会信用代码,地址,床位数,在住人数,内设医疗机构,法定代表人,联系人,联系电话\r\n"
                  + $"导入测试甲养老院,养老机构,越城区,330602YL2026101,{good},越城区甲路 1 号,50,30,否,张三,李四,0575-88000101\r\n"
                  + "导入测试乙养老院,养老院,不存在区,330602YL2026102,123,越城区乙路 2 号,五十,30,否,张三,李四,0575-88000102\r\n";

        var response = await admin.UploadAsync(ElderCare + "/import", ElderCare + "/import", "homes.csv", Encoding.UTF8.GetBytes(csv));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("文件未导入", html, StringComparison.Ordinal);
        Assert.Matches("<td>3</td><td>类型</td><td>“养老院”无法识别", html);
        Assert.Matches("<td>3</td><td>区县</td><td>本市没有区县“不存在区”", html);
        Assert.Matches("<td>3</td><td>床位数</td><td>“五十”不是整数", html);
        Assert.Matches("<td>3</td><td>统一社会信用代码</td><td>统一社会信用代码应为 18 位", html);
        Assert.Contains("共 0 家", await ListAsync(admin, "?q=导入测试"), StringComparison.Ordinal);
    }

    /// <summary>ADR 032: an import error is a template with the value as argument, so it reads in English too.</summary>
    [Fact]
    public async Task Import_InEnglish_ListsTheRowErrorsInEnglish()
    {
        var admin = await AdminAsync();
        await admin.SubmitAsync(ElderCare + "/import", "/shaoxing/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = ElderCare });
        var csv = "机构名称,类型,区县,备案（登记）号,统一社会信用代码,地址,床位数,在住人数,内设医疗机构,法定代表人,联系人,联系电话\r\n"
                  + "英文导入测试养老院,养老机构,不存在区,330602YL2026103,123,越城区丙路 3 号,五十,30,否,张三,李四,0575-88000103\r\n";

        var response = await admin.UploadAsync(ElderCare + "/import", ElderCare + "/import", "homes.csv", Encoding.UTF8.GetBytes(csv));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("<td>2</td><td>[^<]+</td><td>The city has no county “不存在区”.</td>", html);
        Assert.Matches("<td>2</td><td>[^<]+</td><td>“五十” is not a whole number.</td>", html);
        Assert.DoesNotContain("不是整数", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_GbkCsvWithAllRowsValid_ImportsEveryRow_AndExportHasThem()
    {
        var admin = await AdminAsync();
        var rows = new StringBuilder("机构名称,类型,等级,区县,执业许可证登记号,统一社会信用代码,地址,中医药资质,医保定点,法定代表人,联系人,联系电话\r\n");
        for (var i = 1; i <= 3; i++)
        {
            rows.Append($"导入测试村卫生室{i},村卫生室,未定级,新昌县,PDY-TEST-{i},,新昌县某村 {i} 号,否,是,赵{i},钱{i},0575-8600000{i}\r\n");
        }

        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030").GetBytes(rows.ToString());
        var medical = "/shaoxing/admin/institutions/medical";
        var response = await admin.UploadAsync(medical + "/import", medical + "/import", "clinics.csv", gbk);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await (await admin.GetAsync(medical + "?q=导入测试村卫生室")).Content.ReadAsStringAsync();
        Assert.Contains("共 3 家", list, StringComparison.Ordinal);
        var export = await (await admin.GetAsync(medical + "/export?format=csv")).Content.ReadAsStringAsync();
        Assert.Contains("导入测试村卫生室2,村卫生室,未定级,新昌县,PDY-TEST-2", export, StringComparison.Ordinal);
        var again = await admin.UploadAsync(medical + "/import", medical + "/import", "clinics.csv", gbk);
        Assert.Contains("本市已登记此机构", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Xlsx_IsASpreadsheet()
    {
        var admin = await AdminAsync();
        var response = await admin.GetAsync(ElderCare + "/export?format=xlsx");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]); // a zip container
        Assert.Equal((byte)'K', bytes[1]);
    }

    private async Task<PortalClient> AdminAsync()
    {
        var client = PortalClient.For(app);
        await client.LoginAsync("/shaoxing", "admin@shaoxing.demo");
        return client;
    }

    private static async Task<string> ListAsync(PortalClient client, string query) =>
        await (await client.GetAsync(ElderCare + query)).Content.ReadAsStringAsync();

    private static async Task<string> YuechengAsync(PortalClient client)
    {
        var html = await (await client.GetAsync(ElderCare + "/new")).Content.ReadAsStringAsync();
        return Regex.Match(html, "<option value=\"([0-9a-f-]{36})\">越城区</option>").Groups[1].Value;
    }

    [GeneratedRegex("href=\"/shaoxing/admin/institutions/eldercare/([0-9a-f-]{36})\"")]
    private static partial Regex EditLink();
}
