using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>An HTTP client that behaves like a browser for forms: keeps cookies, sends antiforgery tokens.</summary>
public sealed partial class PortalClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public static PortalClient For(PortalAppFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A client signed in as <paramref name="email"/> (to 绍兴市 unless another tenant is named); a refused sign-in fails the test here.</summary>
    public static async Task<PortalClient> SignedInAsync(PortalAppFactory factory, string email, string tenantPrefix = "/shaoxing")
    {
        var client = For(factory);
        var response = await client.LoginAsync(tenantPrefix, email);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {email} answered {(int)response.StatusCode}");
        return client;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(new Uri(url, UriKind.Relative));

    /// <summary>GETs the form page, then POSTs the fields with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string formPage, string action, IDictionary<string, string> fields)
    {
        var page = await (await GetAsync(formPage)).Content.ReadAsStringAsync();
        var token = TokenPattern().Match(page);
        var values = new Dictionary<string, string>(fields);
        if (token.Success)
        {
            values["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        }

        using var content = new FormUrlEncodedContent(values);
        return await Http.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>GETs the form page, then POSTs one file as multipart/form-data with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string formPage, string action, string fileName, byte[] bytes)
    {
        var page = await (await GetAsync(formPage)).Content.ReadAsStringAsync();
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value)), "__RequestVerificationToken");
        content.Add(new ByteArrayContent(bytes), "file", fileName);
        return await Http.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public Task<HttpResponseMessage> LoginAsync(string tenantPrefix, string email, string password = PortalAppFactory.DemoPassword) =>
        SubmitAsync($"{tenantPrefix}/login", $"{tenantPrefix}/login", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
        });

    /// <summary>The path and query a redirect points to, whether the server wrote it relative or absolute.</summary>
    public static string? RedirectPath(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
