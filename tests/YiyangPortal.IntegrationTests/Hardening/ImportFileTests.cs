using System.IO.Compression;
using System.Net;
using System.Text;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Hardening;

/// <summary>
/// Issue 12: every malformed import file gets the row/column error table or a clear file-level message on the
/// import page — never a 500, and an XML entity never reads a file of the server.
/// </summary>
public class ImportFileTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string Import = "/shaoxing/admin/institutions/eldercare/import";
    private const string Header = "机构名称,类型,区县,备案（登记）号,统一社会信用代码,地址,床位数,在住人数,内设医疗机构,法定代表人,联系人,联系电话";

    public static TheoryData<string, string> CsvCases() => new()
    {
        { "ragged.csv", Header + "\r\n导入参差养老院,养老机构,越城区\r\n甲,养老机构,越城区,1,2,3,4,5,6,7,8,9,10,11,12\r\n" },
        { "tab.csv", Header + "\r\n导入\t制表养老院,养老机构,越城区,330602YL2026201,,越城区\t路 1 号,50,30,否,张三,李四,0575-88000101\r\n" },
        { "duplicate.csv", "机构名称,机构名称 ,类型,区县,备案（登记）号,统一社会信用代码,地址,床位数,在住人数,内设医疗机构,法定代表人,联系人,联系电话\r\n甲,乙,养老机构,越城区,1,,地址,1,1,否,张,李,0575-88000101\r\n" },
        { "empty.csv", string.Empty },
        { "header-only.csv", Header + "\r\n" },
        { "quotes.csv", Header + "\r\n\"未闭合引号养老院,养老机构,越城区\r\n" },
    };

    [Theory]
    [MemberData(nameof(CsvCases))]
    public async Task MalformedCsv_GetsTheImportPageWithAMessage(string fileName, string csv)
    {
        var html = await UploadAsync(fileName, Encoding.UTF8.GetBytes(csv));

        Assert.Contains("文件未导入", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateHeadersAfterTrimming_AreNamed()
    {
        var csv = "机构名称,机构名称 ,类型\r\n甲,乙,养老机构\r\n";

        Assert.Contains("“机构名称”出现了不止一次", await UploadAsync("dup.csv", Encoding.UTF8.GetBytes(csv)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf16Csv_IsReadLikeUtf8()
    {
        var csv = Header + "\r\n导入测试十六位养老院,养老院,越城区,330602YL2026301,,越城区丙路 3 号,50,30,否,张三,李四,0575-88000103\r\n";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(csv)).ToArray();

        // Read as text: the row's own problem (the kind 养老院) is reported by row and column, not "missing columns".
        Assert.Matches("<td>2</td><td>类型</td><td>“养老院”无法识别", await UploadAsync("utf16.csv", bytes));
    }

    [Fact]
    public async Task TextFileNamedXlsx_GetsAFileLevelMessage() =>
        Assert.Contains("文件无法读取", await UploadAsync("text.xlsx", Encoding.UTF8.GetBytes(Header)), StringComparison.Ordinal);

    [Fact]
    public async Task XlsxWithMalformedXml_GetsAFileLevelMessage()
    {
        var xlsx = await RewriteSheetAsync(_ => "<?xml version=\"1.0\"?><worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x");

        Assert.Contains("文件未导入", await UploadAsync("broken.xlsx", xlsx), StringComparison.Ordinal);
    }

    [Fact]
    public async Task XlsxWithADtd_IsRefused_AndNoEntityIsResolved()
    {
        var xlsx = await RewriteSheetAsync(sheet =>
        {
            var body = sheet[(sheet.IndexOf("?>", StringComparison.Ordinal) + 2)..];
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                   + body.Replace("<sheetData>", "<sheetData><row r=\"9\"><c r=\"A9\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>", StringComparison.Ordinal);
        });

        var html = await UploadAsync("dtd.xlsx", xlsx);

        Assert.Contains("文件未导入", html, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SixMegabyteCsv_GetsTheSizeMessage()
    {
        var big = new StringBuilder(Header).Append("\r\n");
        while (big.Length < 4_000_000)
        {
            big.Append("导入超大文件养老院,养老机构,越城区,330602YL2026999,,越城区某路,50,30,否,张三,李四,0575-88000101\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(big.ToString());
        Assert.True(bytes.Length > 6 * 1024 * 1024 && bytes.Length < 10 * 1024 * 1024);

        Assert.Contains("请上传 5 MB 以内的 .xlsx 或 .csv 文件。", await UploadAsync("big.csv", bytes), StringComparison.Ordinal);
    }

    private async Task<string> UploadAsync(string fileName, byte[] bytes)
    {
        var admin = PortalClient.For(app);
        await admin.LoginAsync("/shaoxing", "admin@shaoxing.demo");
        var response = await admin.UploadAsync(Import, Import, fileName, bytes);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{fileName}: {(int)response.StatusCode}");
        return html;
    }

    /// <summary>The register's own export with its first sheet's XML replaced.</summary>
    private async Task<byte[]> RewriteSheetAsync(Func<string, string> rewrite)
    {
        var admin = PortalClient.For(app);
        await admin.LoginAsync("/shaoxing", "admin@shaoxing.demo");
        var export = await (await admin.GetAsync("/shaoxing/admin/institutions/eldercare/template?format=xlsx")).Content.ReadAsByteArrayAsync();
        using var buffer = new MemoryStream();
        buffer.Write(export);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
            string sheet;
            using (var reader = new StreamReader(entry.Open()))
            {
                sheet = await reader.ReadToEndAsync();
            }

            var name = entry.FullName;
            entry.Delete();
            await using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            await writer.WriteAsync(rewrite(sheet));
        }

        return buffer.ToArray();
    }
}
