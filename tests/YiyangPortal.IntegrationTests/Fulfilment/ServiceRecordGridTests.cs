using System.Globalization;
using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Fulfilment;

/// <summary>
/// Issue 15, several records at once: the month grid and the XLSX import save every row in one transaction or none,
/// each refusal next to its cell (and by row and column for a sheet), by the same rule as one record; the sign-in
/// sheet scan is read only by the two parties and the agreement's regulators. Nobody else gets in.
/// </summary>
public class ServiceRecordGridTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n%签到表\n"u8.ToArray(), 0x25, 0x25, 0x45, 0x4F, 0x46];

    [Fact]
    public async Task Grid_SavesEveryRow_InOneGo_SkippingBlankRows()
    {
        var (parties, agreement, doctor) = await FulfilmentFixture.InForceAsync(app);
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        var day = FulfilmentFixture.FirstFullMonth(agreement);
        var fields = Row(0, agreement, doctor, day).Concat(Row(1, agreement, doctor, day.AddDays(1))).ToDictionary();
        fields["rows[2].Notes"] = "";

        var response = await clinic.SubmitAsync(Grid(agreement), Grid(agreement), fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await StoredAsync(parties, agreement.Id);
        Assert.Equal([day, day.AddDays(1)], stored.Select(r => r.ServiceDate));
        Assert.All(stored, r => Assert.Equal(ServiceRecordStatus.Pending, r.Status));
    }

    [Fact]
    public async Task Grid_WithOneBadRow_SavesNothing_AndKeepsWhatWasTyped_WithEachMessageAtItsCell()
    {
        var (parties, agreement, doctor) = await FulfilmentFixture.InForceAsync(app);
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        var day = FulfilmentFixture.FirstFullMonth(agreement);
        await FulfilmentFixture.RecordAsync(app, parties, agreement, FulfilmentFixture.MonthlyItem(agreement), doctor, day.AddDays(5));
        var fields = Row(0, agreement, doctor, day)
            .Concat(Row(1, agreement, doctor, BeijingTime.Today(DateTimeOffset.UtcNow).AddDays(2)))   // future
            .Concat(Row(2, agreement, doctor, day))                                                   // repeats row 0
            .Concat(Row(3, agreement, doctor, day.AddDays(1), notes: "李大爷 身份证 330602195001011234"))
            .Concat(Row(4, agreement, doctor, day.AddDays(2)))
            .Concat(Row(5, agreement, doctor, day.AddDays(5)))                                        // repeats a stored one
            .Concat(Row(6, agreement, doctor, day.AddDays(3), residents: "十二"))
            .ToDictionary();
        fields["rows[4].AgreementItemId"] = Guid.NewGuid().ToString();                                // not in the agreement

        var response = await clinic.SubmitAsync(Grid(agreement), Grid(agreement), fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("data-field-error=\"rows[6].ResidentsServed\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"十二\"", html, StringComparison.Ordinal);
        Assert.Single(await StoredAsync(parties, agreement.Id));

        fields["rows[6].ResidentsServed"] = "12";
        var second = await clinic.SubmitAsync(Grid(agreement), Grid(agreement), fields);
        html = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Contains("data-field-error=\"rows[1].ServiceDate\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field-error=\"rows[2].ServiceDate\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field-error=\"rows[3].Notes\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field-error=\"rows[4].AgreementItemId\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field-error=\"rows[5].ServiceDate\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-field-error=\"rows[0].", html, StringComparison.Ordinal);
        Assert.Contains("不能重复登记", html, StringComparison.Ordinal);
        Assert.Contains("value=\"李大爷 身份证 330602195001011234\"", html, StringComparison.Ordinal);
        Assert.Single(await StoredAsync(parties, agreement.Id));
    }

    [Fact]
    public async Task TheHome_CannotRecord_ButReadsTheSheets_AndOthersAreKeptOut()
    {
        var (parties, agreement, doctor) = await FulfilmentFixture.InForceAsync(app);
        var day = FulfilmentFixture.FirstFullMonth(agreement);
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        var others = await TestParties.CreateAsync(app);
        var otherClinic = await PortalClient.SignedInAsync(app, others.ClinicEmail);
        var otherHome = await PortalClient.SignedInAsync(app, others.StaffEmail);
        var regulator = await PortalClient.SignedInAsync(app, parties.HealthEmail);
        var wenzhou = PortalClient.For(app);
        await wenzhou.LoginAsync("/wenzhou", "clinic@wenzhou.demo");

        var homePage = await home.GetAsync(Grid(agreement));
        Assert.Equal(HttpStatusCode.OK, homePage.StatusCode);
        Assert.DoesNotContain("data-testid=\"grid-form\"", await homePage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await home.SubmitAsync(Grid(agreement), Grid(agreement), Row(0, agreement, doctor, day))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await home.UploadAsync(Grid(agreement), $"{Grid(agreement)}/import", "a.xlsx", [1, 2])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await home.GetAsync($"{Grid(agreement)}/template.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClinic.GetAsync(Grid(agreement))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherHome.GetAsync(Grid(agreement))).StatusCode);
        Assert.Contains("403", PortalClient.RedirectPath(await regulator.GetAsync(Grid(agreement))), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await wenzhou.GetAsync($"/wenzhou/agreements/{agreement.Id}/fulfilment/grid")).StatusCode);
        var post = await otherClinic.SubmitAsync("/shaoxing/agreements", Grid(agreement), Row(0, agreement, doctor, day));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Empty(await StoredAsync(parties, agreement.Id));
    }

    [Fact]
    public async Task Import_FromTheTemplate_SavesAll_AndBadRowsAreListedByRowAndColumn_WithNothingSaved()
    {
        var (parties, agreement, doctor) = await FulfilmentFixture.InForceAsync(app);
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        var day = FulfilmentFixture.FirstFullMonth(agreement);
        var item = FulfilmentFixture.MonthlyItem(agreement);

        var template = await clinic.GetAsync($"{Grid(agreement)}/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        using (var stream = new MemoryStream(await template.Content.ReadAsByteArrayAsync()))
        {
            var options = stream.Query(useHeaderRow: true, sheetName: "可选项").Cast<IDictionary<string, object?>>().ToList();
            Assert.Contains(options, o => Equals(o["服务项目（照此填写）"], item.Name));
            Assert.Contains(options, o => Equals(o["服务人员（照此填写）"], "吴医生（中级）"));
        }

        var bad = Sheet(
            [Day(day), item.Name, "吴医生", "12", "60", ""],
            [Day(day.AddDays(1)), "不存在的项目", "吴医生", "abc", "60", ""],
            [Day(day.AddDays(2)), item.Name, "王五", "12", "60", "电话 13800138000"]);
        var refused = await clinic.UploadAsync(Grid(agreement), $"{Grid(agreement)}/import", "records.xlsx", bad);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("data-testid=\"import-errors\"", html, StringComparison.Ordinal);
        Assert.Contains("行 3", html, StringComparison.Ordinal);
        Assert.Contains("列 B（服务项目）", html, StringComparison.Ordinal);
        Assert.Contains("列 D（服务人数）", html, StringComparison.Ordinal);
        Assert.Contains("行 4", html, StringComparison.Ordinal);
        Assert.Contains("列 C（服务人员）", html, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(parties, agreement.Id));

        var good = Sheet(
            [Day(day), item.Name, "吴医生（中级）", "12", "60", "慢病随访"],
            [Day(day.AddDays(1)), item.Name, "吴医生", "8", "45", ""]);
        var saved = await clinic.UploadAsync(Grid(agreement), $"{Grid(agreement)}/import", "records.xlsx", good);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([day, day.AddDays(1)], (await StoredAsync(parties, agreement.Id)).Select(r => r.ServiceDate));

        var again = await clinic.UploadAsync(Grid(agreement), $"{Grid(agreement)}/import", "records.xlsx", good);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("不能重复登记", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await StoredAsync(parties, agreement.Id)).Count);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("garbage")]
    [InlineData("formula")]
    [InlineData("oversized")]
    [InlineData("empty")]
    public async Task Import_RefusesWhatIsNotATemplateSheet_WithAMessage(string kind)
    {
        var (parties, agreement, _) = await FulfilmentFixture.InForceAsync(app);
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        var (name, bytes) = kind switch
        {
            "csv" => ("records.csv", "服务日期,服务项目\n2026-01-01,x\n"u8.ToArray()),
            "garbage" => ("records.xlsx", "<html>not a workbook</html>"u8.ToArray()),
            "formula" => ("records.xlsx", WithFormula(Sheet(["2026-01-01", "x", "y", "1", "60", ""]))),
            "oversized" => ("records.xlsx", new byte[(2 * 1024 * 1024) + 10]),
            _ => ("records.xlsx", Sheet()),
        };

        var response = await clinic.UploadAsync(Grid(agreement), $"{Grid(agreement)}/import", name, bytes);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("data-testid=\"import-errors\"", html, StringComparison.Ordinal);
        if (kind == "formula") { Assert.Contains("含有公式", html, StringComparison.Ordinal); }
        Assert.Empty(await StoredAsync(parties, agreement.Id));
    }

    [Fact]
    public async Task SignInSheet_IsUploadedByTheClinic_AndReadOnlyByThePartiesAndTheirRegulators()
    {
        var (parties, agreement, doctor) = await FulfilmentFixture.InForceAsync(app);
        var record = await FulfilmentFixture.RecordAsync(
            app, parties, agreement, FulfilmentFixture.MonthlyItem(agreement), doctor, FulfilmentFixture.FirstFullMonth(agreement));
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        var sheet = $"/shaoxing/agreements/{agreement.Id}/fulfilment/records/{record.Id}/sheet";
        var page = $"{Grid(agreement)}?month={record.ServiceDate:yyyy-MM}";

        var disguised = await clinic.UploadAsync(page, sheet, "签到表.pdf", "<html><script>alert(1)</script></html>"u8.ToArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, disguised.StatusCode);
        Assert.Contains($"data-field-error=\"sheet-{record.Id}\"", await disguised.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await home.UploadAsync(page, sheet, "签到表.pdf", Pdf)).StatusCode);

        var uploaded = await clinic.UploadAsync(page, sheet, "签到表 5月.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Contains($"data-testid=\"sheet-link-{record.Id}\"", await (await home.GetAsync(page)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var twice = await clinic.UploadAsync(page, sheet, "签到表.pdf", Pdf);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);

        var download = await home.GetAsync(sheet);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        var others = await TestParties.CreateAsync(app);
        var wenzhou = PortalClient.For(app);
        await wenzhou.LoginAsync("/wenzhou", "clinic@wenzhou.demo");
        Assert.Equal(HttpStatusCode.OK, (await clinic.GetAsync(sheet)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await PortalClient.SignedInAsync(app, parties.HealthEmail)).GetAsync(sheet)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await PortalClient.SignedInAsync(app, others.HealthEmail)).GetAsync(sheet)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await PortalClient.SignedInAsync(app, others.ClinicEmail)).GetAsync(sheet)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await PortalClient.SignedInAsync(app, others.StaffEmail)).GetAsync(sheet)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wenzhou.GetAsync($"/wenzhou/agreements/{agreement.Id}/fulfilment/records/{record.Id}/sheet")).StatusCode);
        Assert.Equal(1, await TestData.InTenantAsync(app, parties.Tenant, db => db.ServiceRecordAttachments.CountAsync(a => a.ServiceRecordId == record.Id)));
    }

    [Fact]
    public async Task Demo_HasAPendingRecordWithASignInSheet()
    {
        var pending = await TestData.InTenantAsync(app, TestData.Shaoxing, db =>
            (from s in db.ServiceRecordAttachments
             join r in db.ServiceRecords on new { Id = s.ServiceRecordId, s.ServiceDate } equals new { r.Id, r.ServiceDate }
             select new { r.Status, s.ContentType }).ToListAsync());

        Assert.Contains(pending, p => p.Status == ServiceRecordStatus.Pending && p.ContentType == "application/pdf");
    }

    private static string Grid(Agreement agreement) => $"/shaoxing/agreements/{agreement.Id}/fulfilment/grid";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Row(
        int i, Agreement agreement, StaffMember staff, DateOnly day, string residents = "18", string notes = "健康讲座") => new()
        {
            [$"rows[{i}].AgreementItemId"] = FulfilmentFixture.MonthlyItem(agreement).Id.ToString(),
            [$"rows[{i}].ServiceDate"] = Day(day),
            [$"rows[{i}].StaffMemberId"] = staff.Id.ToString(),
            [$"rows[{i}].ResidentsServed"] = residents,
            [$"rows[{i}].DurationMinutes"] = "90",
            [$"rows[{i}].Notes"] = notes,
        };

    /// <summary>An XLSX in the template's columns.</summary>
    private static byte[] Sheet(params string[][] rows)
    {
        string[] headers = ["服务日期", "服务项目", "服务人员", "服务人数", "时长（分钟）", "备注"];
        using var buffer = new MemoryStream();
        var values = rows.Select(r => headers.Select((h, i) => (h, (object)r[i])).ToDictionary(p => p.h, p => p.Item2)).ToList();
        if (values.Count == 0) { values.Add(headers.ToDictionary(h => h, _ => (object)string.Empty)); }
        buffer.SaveAs(values, excelType: ExcelType.XLSX);
        return buffer.ToArray();
    }

    /// <summary>The workbook with one more worksheet part whose cell holds a formula.</summary>
    private static byte[] WithFormula(byte[] xlsx)
    {
        using var buffer = new MemoryStream();
        buffer.Write(xlsx);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet9.xml").Open());
            writer.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"2\"><c r=\"D2\"><f>SUM(1,1)</f><v>2</v></c></row></sheetData></worksheet>");
        }

        return buffer.ToArray();
    }

    private Task<List<ServiceRecord>> StoredAsync(TestParties parties, Guid agreementId) =>
        TestData.InTenantAsync(app, parties.Tenant, db =>
            db.ServiceRecords.AsNoTracking().Where(r => r.AgreementId == agreementId).OrderBy(r => r.ServiceDate).ToListAsync());
}
