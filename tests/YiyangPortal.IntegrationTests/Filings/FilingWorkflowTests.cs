using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Notifications;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Seeding;

namespace YiyangPortal.IntegrationTests.Filings;

/// <summary>Submit with a scanned copy, return with a reason, resubmit, accept — and files served safely.</summary>
public partial class FilingWorkflowTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    /// <summary>The parties hear of the filings in the agreement's one 已生效 message (AgreementMessagesTests).</summary>
    [Theory]
    [InlineData(false, "越城区卫生健康局")]
    [InlineData(true, "柯桥区卫生健康局")]
    public async Task CrossCountyAgreement_IsFiledWithTheTwoBureausItNames(bool partnerCounty, string healthBureau)
    {
        var home = await TestData.NewElderCareAsync(app, "越城区");
        var partner = await TestData.NewMedicalAsync(app, "柯桥区", MedicalInstitutionKind.TownshipHealthCenter);

        var agreement = await TestData.AgreementAsync(app, TestData.Effective(home.Id, partner.Id, DateTimeOffset.UtcNow) with
        {
            HealthBureauOfPartnerCounty = partnerCounty,
        });

        // 一式四份: 甲方, 乙方, XXX民政局, XXX卫生健康委（局） — exactly the two bureaus the agreement names (2020 六(四)).
        var filings = await TestData.InTenantAsync(app, TestData.Shaoxing, db => (
            from f in db.Filings
            join c in db.Counties on f.CountyId equals c.Id
            where f.AgreementId == agreement.Id
            select new { f.Bureau, Name = f.Bureau == Bureau.CivilAffairs ? c.Name + "民政局" : c.Name + "卫生健康局" }).ToListAsync());
        Assert.Equal(["越城区民政局", healthBureau], filings.OrderBy(f => f.Bureau).Select(f => f.Name));
        Assert.Equal(agreement.Terms.HealthBureauName, healthBureau);
        Assert.Equal("越城区民政局", agreement.Terms.CivilAffairsBureauName);
    }

    [Fact]
    public async Task Submit_Return_Resubmit_Accept_KeepsTheHistory_AndTellsTheOtherSideOnce()
    {
        var (number, filing) = await TashanAgreementAsync(Bureau.CivilAffairs);
        var staff = await PortalClient.SignedInAsync(app, "staff@shaoxing.demo");
        var regulator = await PortalClient.SignedInAsync(app, "minzheng@shaoxing.demo");
        var url = $"/shaoxing/filings/{filing.Id}";

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitWithScanAsync(staff, url, "scan.png", Png)).StatusCode);
        var emptyReason = await regulator.SubmitAsync(url, url + "/return", new Dictionary<string, string> { ["Reason"] = " " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, emptyReason.StatusCode);
        var refusal = await emptyReason.Content.ReadAsStringAsync();
        Assert.Contains("data-field-error=\"Reason\">请填写需要补正的内容。", refusal, StringComparison.Ordinal);
        Assert.Contains("data-field-error=\"CorrectionDueDate\">请填写补正截止日期。", refusal, StringComparison.Ordinal);
        var correctBy = DateTime.UtcNow.AddHours(8).AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await regulator.SubmitAsync(url, url + "/return", new Dictionary<string, string>
        {
            ["Reason"] = "缺少公章",
            ["CorrectionDueDate"] = correctBy,
        })).StatusCode);
        Assert.Contains($"截止 {correctBy}（含当日）", await (await staff.GetAsync(url)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("缺少公章", await (await staff.GetAsync(url)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitWithScanAsync(staff, url, "scan2.png", Png)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await regulator.SubmitAsync(url, url + "/accept", new Dictionary<string, string>())).StatusCode);

        var stored = await TestData.InTenantAsync(app, TestData.Shaoxing, db => db.Filings.Include(f => f.History).SingleAsync(f => f.Id == filing.Id));
        Assert.Equal(FilingStatus.Accepted, stored.Status);
        Assert.Equal(
            [FilingStatus.Submitted, FilingStatus.Returned, FilingStatus.Submitted, FilingStatus.Accepted],
            stored.History.OrderBy(h => h.OccurredAtUtc).Select(h => h.ToStatus));

        // Issue 10 "Messages": the bureau hears of each (re)submission, both parties of each review, nobody of their own act.
        var messages = await TestData.InTenantAsync(app, TestData.Shaoxing, db => (
            from n in db.Notifications
            join u in db.Users on n.UserId equals u.Id
            where n.Link == $"/filings/{filing.Id}"
            orderby n.CreatedAtUtc
            select new { u.UserName, n.Kind, n.Title }).ToListAsync());
        Assert.Equal(["minzheng@shaoxing.demo", "minzheng@shaoxing.demo"], messages.Where(m => m.Kind == NotificationKind.FilingSubmitted).Select(m => m.UserName));
        Assert.Equal(4, messages.Count(m => m.Kind == NotificationKind.FilingReviewed)); // two reviews × (staff@ + clinic@)
        Assert.DoesNotContain(messages, m => m.UserName == "minzheng@shaoxing.demo" && m.Kind == NotificationKind.FilingReviewed);
        Assert.Contains(messages, m => m.Title == $"越城区民政局已确认协议 {number} 的备案（已备案）。");
        Assert.Contains(messages, m => m.Title.StartsWith($"越城区民政局要求补正协议 {number} 的备案，请于截止 {correctBy}（含当日）前", StringComparison.Ordinal) && m.Title.EndsWith("缺少公章", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Title.Contains("已已", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScannedCopy_IsServedAsItsSniffedType_NeverAsHtml()
    {
        var (_, filing) = await TashanAgreementAsync(Bureau.Health);
        var clinic = await PortalClient.SignedInAsync(app, "clinic@shaoxing.demo");
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

    /// <summary>A new effective agreement of 福乐养老院 (staff@) with 塔山 (clinic@), and its filing with one bureau.</summary>
    private async Task<(string Number, Filing Filing)> TashanAgreementAsync(Bureau bureau)
    {
        var home = await TestData.ElderCareIdAsync(app, DemoData.ShowcaseHome);
        var tashan = await TestData.MedicalIdAsync(app, "塔山街道社区卫生服务中心");
        var agreement = await TestData.AgreementAsync(app, TestData.Effective(home, tashan, DateTimeOffset.UtcNow));
        var filing = await TestData.InTenantAsync(app, TestData.Shaoxing, db =>
            db.Filings.AsNoTracking().SingleAsync(f => f.AgreementId == agreement.Id && f.Bureau == bureau));
        return (agreement.DocumentNumber, filing);
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

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("href=\"(/shaoxing/filings/[0-9a-f-]+/attachments/[0-9a-f-]+)\"")]
    private static partial Regex AttachmentLink();
}
