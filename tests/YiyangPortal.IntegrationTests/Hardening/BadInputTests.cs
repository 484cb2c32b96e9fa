using System.Net;
using System.Net.Http.Headers;
using System.Text;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Hardening;

/// <summary>Issue 12: bad input gets a status and a Chinese page or a message next to the field, never a 500.</summary>
public class BadInputTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly AgreementSteps _steps = new(app);

    [Theory]
    [InlineData("/shaoxing/institutions/medical?q=%00")]
    [InlineData("/shaoxing/institutions/medical?q=abc%00def&county=%00")]
    [InlineData("/shaoxing/agreements?status=%00")]
    [InlineData("/shaoxing/filings?status=Submitted%00")]
    public async Task NulInAQuery_IsA400WithTheChinesePage(string url)
    {
        var staff = await _steps.LoginAsync("/shaoxing", "staff@shaoxing.demo");

        var response = await staff.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请求无法处理", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NulInTheLoginForm_IsA400WithTheChinesePage()
    {
        // ASP.NET Core's form reader refuses a NUL in a form value; the answer is the 400 page, not a 500.
        var client = PortalClient.For(app);

        var response = await client.LoginAsync("/shaoxing", "staff@shaoxing.demo\0", "demo\0password");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请求无法处理", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NulInAnUploadFormField_IsDropped_AndTheFormAnswersWithItsMessage()
    {
        // Multipart fields reach model binding, which drops the NUL (NulFreeStringBinder): the number still resolves.
        var visitor = PortalClient.For(app);
        var page = await (await visitor.GetAsync("/shaoxing/verify")).Content.ReadAsStringAsync();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent("330602-2026-999999\0"), "number" },
        };

        var response = await visitor.Http.PostAsync(new Uri("/shaoxing/verify/placeholder", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("未找到该编号的协议", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A35MegabyteLogin_IsA413WithTheChinesePage()
    {
        var client = PortalClient.For(app);
        using var content = new ByteArrayContent(new byte[35 * 1024 * 1024]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        var response = await client.Http.PostAsync(new Uri("/shaoxing/login", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("提交的内容过大", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/shaoxing/filings/0190a1b2-0000-7000-8000-000000000001/submit", "Scan", (10 * 1024 * 1024) + (200 * 1024))]
    [InlineData("/shaoxing/verify/330602-2026-000001", "file", (20 * 1024 * 1024) + (200 * 1024))]
    [InlineData("/shaoxing/admin/institutions/eldercare/import", "file", 11 * 1024 * 1024)]
    public async Task AnUploadOverItsLimit_IsA413WithTheChinesePage(string action, string field, int bytes)
    {
        var staff = await _steps.LoginAsync("/shaoxing", "staff@shaoxing.demo");
        using var content = new MultipartFormDataContent { { new ByteArrayContent(new byte[bytes]), field, "big.pdf" } };

        var response = await staff.Http.PostAsync(new Uri(action, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("提交的内容过大", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreadableForm_IsA400_AndTheErrorPageDoesNotFailOnIt()
    {
        var client = PortalClient.For(app);
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"Email\"\r\n\r\nno end"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");

        var response = await client.Http.PostAsync(new Uri("/shaoxing/login", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请求无法处理", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFarFutureTerm_IsRefusedAtInput_NextToTheField()
    {
        var (staff, id) = await _steps.DraftAsync();
        await AgreementSteps.FillAsync(staff, id);
        var terms = await AgreementSteps.TermsAsync(staff, id, submit: false);
        (terms["TermFrom"], terms["TermTo"]) = ("2027-01-01", "9999-12-31");

        var response = await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", terms);
        var html = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode is 200 or 422, $"{response.StatusCode}");
        Assert.Contains("协议有效期应在 2000 年 1 月 1 日至 2099 年 12 月 31 日之间。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"9999-12-31\"", html, StringComparison.Ordinal); // what was typed stays
    }

    [Fact]
    public async Task ASecondRenewal_IsRefused_AndTheButtonIsGone()
    {
        var (staff, id) = await _steps.EffectiveAsync("2027-01-01", "2027-12-31");
        var first = await staff.SubmitAsync($"/shaoxing/agreements/{id}", $"/shaoxing/agreements/{id}/renew", new Dictionary<string, string>());
        Assert.Contains("/edit", PortalClient.RedirectPath(first), StringComparison.Ordinal);

        var page = await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain($"/agreements/{id}/renew\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"renewed-as\"", page, StringComparison.Ordinal);

        var second = await staff.SubmitAsync($"/shaoxing/agreements/{id}", $"/shaoxing/agreements/{id}/renew", new Dictionary<string, string>());
        Assert.Equal($"/shaoxing/agreements/{id}", PortalClient.RedirectPath(second));
        Assert.Contains("不能重复续签", await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
