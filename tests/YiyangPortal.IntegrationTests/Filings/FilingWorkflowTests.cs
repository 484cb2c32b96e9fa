using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Notifications;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Filings;

/// <summary>Submit with a scanned copy, return with a reason, resubmit, accept — and files served safely.</summary>
public partial class FilingWorkflowTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    /// <summary>The parties hear of the filings in the agreement's one 已生效 message (AgreementMessagesTests).</summary>
    [Fact]
    public async Task CrossCountyAgreement_GetsThreeFilings()
    {
        var filings = await FilingData.NewAgreementAsync(app, "SX-T-0001", "柯桥区平水镇卫生院", DateTimeOffset.UtcNow);

        Assert.Equal(3, filings.Count);
        Assert.Equal(2, filings.Count(f => f.Bureau == Bureau.Health));
    }

    [Fact]
    public async Task Submit_Return_Resubmit_Accept_KeepsTheHistory()
    {
        var filing = (await FilingData.NewAgreementAsync(app, "SX-T-0002", "塔山街道社区卫生服务中心", DateTimeOffset.UtcNow))
            .Single(f => f.Bureau == Bureau.CivilAffairs);
        var staff = await SignedInAsync("staff@shaoxing.demo");
        var regulator = await SignedInAsync("minzheng@shaoxing.demo");
        var url = $"/shaoxing/filings/{filing.Id}";

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitWithScanAsync(staff, url, "scan.png", Png)).StatusCode);
        var emptyReason = await regulator.SubmitAsync(url, url + "/return", new Dictionary<string, string> { ["Reason"] = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, emptyReason.StatusCode);
        Assert.Contains("data-field-error=\"Reason\">请填写退回补正的理由。", await emptyReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await regulator.SubmitAsync(url, url + "/return", new Dictionary<string, string> { ["Reason"] = "缺少公章" })).StatusCode);
        Assert.Contains("缺少公章", await (await staff.GetAsync(url)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitWithScanAsync(staff, url, "scan2.png", Png)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await regulator.SubmitAsync(url, url + "/accept", new Dictionary<string, string>())).StatusCode);

        var stored = await FilingData.InTenantAsync(app, "shaoxing", db => db.Filings.Include(f => f.History).SingleAsync(f => f.Id == filing.Id));
        Assert.Equal(FilingStatus.Accepted, stored.Status);
        Assert.Equal(
            [FilingStatus.Submitted, FilingStatus.Returned, FilingStatus.Submitted, FilingStatus.Accepted],
            stored.History.OrderBy(h => h.OccurredAtUtc).Select(h => h.ToStatus));
        var reviewed = await FilingData.InTenantAsync(app, "shaoxing", db =>
            db.Notifications.CountAsync(n => n.Kind == NotificationKind.FilingReviewed && n.Title.Contains("SX-T-0002")));
        Assert.Equal(4, reviewed); // two reviews × (elder-care staff + clinic admin)
    }

    [Fact]
    public async Task ScannedCopy_IsServedAsItsSniffedType_NeverAsHtml()
    {
        var filing = (await FilingData.NewAgreementAsync(app, "SX-T-0003", "塔山街道社区卫生服务中心", DateTimeOffset.UtcNow))
            .Single(f => f.Bureau == Bureau.Health);
        var clinic = await SignedInAsync("clinic@shaoxing.demo");
        var url = $"/shaoxing/filings/{filing.Id}";

        var html = await SubmitWithScanAsync(clinic, url, "evil.pdf", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, html.StatusCode);
        Assert.Contains("扫描件只能是 PDF、JPG 或 PNG 文件。", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitWithScanAsync(clinic, url, "盖章件.jpg", Png)).StatusCode);
        var page = await (await clinic.GetAsync(url)).Content.ReadAsStringAsync();
        var link = AttachmentLink().Match(page).Groups[1].Value;
        var file = await clinic.GetAsync(link);

        Assert.Equal("image/png", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".png", file.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
        var pdf = await clinic.GetAsync(url + "/agreement.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..5], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoData_HasEveryState_AndOneOverdue()
    {
        var regulator = await SignedInAsync("minzheng@shaoxing.demo");

        var list = await (await regulator.GetAsync("/shaoxing/filings")).Content.ReadAsStringAsync();
        var overdue = await (await regulator.GetAsync("/shaoxing/filings?overdue=true")).Content.ReadAsStringAsync();

        foreach (var state in new[] { "待报送", "已受理", "逾期" })
        {
            Assert.Contains($">{state}</span>", list, StringComparison.Ordinal);
        }

        Assert.Contains("SX-DEMO-F003", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("SX-DEMO-F001", overdue, StringComparison.Ordinal);
        var health = await (await (await SignedInAsync("weijian@shaoxing.demo")).GetAsync("/shaoxing/filings")).Content.ReadAsStringAsync();
        Assert.Contains(">已报送</span>", health, StringComparison.Ordinal);
        Assert.Contains(">退回补正</span>", health, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SubmitWithScanAsync(PortalClient client, string url, string fileName, byte[] bytes)
    {
        var page = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value)), "__RequestVerificationToken");
        content.Add(new StringContent("已附盖章件"), "Note");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/html"); // what the browser claims is ignored
        content.Add(file, "Scan", fileName);
        return await client.Http.PostAsync(new Uri(url + "/submit", UriKind.Relative), content);
    }

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = PortalClient.For(app);
        await client.LoginAsync("/shaoxing", email);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("href=\"(/shaoxing/filings/[0-9a-f-]+/attachments/[0-9a-f-]+)\"")]
    private static partial Regex AttachmentLink();
}
