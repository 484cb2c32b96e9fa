using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Hardening;

/// <summary>
/// Crawls the portal as one user (or anonymously) from a start page, following the links it is shown, and drives
/// every form and query field it finds with hostile values, one field at a time, the other fields as the page filled
/// them. Forms and pages are discovered from what is rendered, so a new page is covered without naming it here.
/// Records every 5xx (and any hostile markup echoed unescaped) as a problem.
/// </summary>
public sealed partial class FormCrawler(PortalAppFactory app, string tenant, string? email, List<string> problems)
{
    /// <summary>What each field is sent (issue 12: NUL, 10,000 characters, markup, negative and huge numbers, invalid dates and ids).</summary>
    public static readonly (string Kind, string Value)[] Payloads =
    [
        ("nul", "a\0b"),
        ("long", new string('字', 10_000)),
        ("markup", Markup),
        ("negative", "-1"),
        ("huge-negative", "-99999999999999999999999"),
        ("huge", "99999999999999999999999"),
        ("far-date", "9999-12-31"),
        ("bad-date", "2026-02-30"),
        ("bad-id", "not-a-guid"),
        ("other-id", "0190a1b2-0000-7000-8000-00000000abcd"),
    ];

    private const string Markup = "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>";
    private const int MaxPages = 120;
    private const int VisitsPerPattern = 2;

    private readonly HtmlParser _parser = new();
    private readonly Queue<string> _queue = new();
    private readonly Dictionary<string, int> _patterns = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<string> _fuzzed = new(StringComparer.Ordinal);
    private PortalClient _client = PortalClient.For(app);

    public int Requests { get; private set; }

    public int Forms { get; private set; }

    public int Pages { get; private set; }

    private string Who => email ?? "anonymous";

    public async Task RunAsync()
    {
        var start = await SignInAsync();
        Enqueue(start);
        Enqueue(tenant + "/");
        Enqueue(tenant + "/login");
        while (_queue.Count > 0 && Pages < MaxPages)
        {
            var url = _queue.Dequeue();
            var response = await SendAsync(HttpMethod.Get, url, null, "crawl", "-");
            if (response is null || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            Pages++;
            var html = await response.Content.ReadAsStringAsync();
            var document = await _parser.ParseDocumentAsync(html);
            foreach (var link in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                Enqueue(link);
                await FuzzQueryAsync(link);
            }

            await FuzzPathIdsAsync(url);
            foreach (var form in document.Forms)
            {
                await FuzzFormAsync(url, form);
            }
        }
    }

    /// <summary>Signs in (when a user is given) and returns the page the user lands on.</summary>
    private async Task<string> SignInAsync()
    {
        _client = PortalClient.For(app);
        if (email is null)
        {
            return tenant + "/public";
        }

        var login = await _client.LoginAsync(tenant, email);
        return PortalClient.RedirectPath(login) ?? throw new InvalidOperationException($"{email} could not sign in: {(int)login.StatusCode}");
    }

    private void Enqueue(string href)
    {
        if (!IsOurs(href))
        {
            return;
        }

        var path = href.Split('#')[0];
        var pattern = Pattern(path);
        if (_seen.Add(path) && _patterns.GetValueOrDefault(pattern) < VisitsPerPattern)
        {
            _patterns[pattern] = _patterns.GetValueOrDefault(pattern) + 1;
            _queue.Enqueue(path);
        }
    }

    /// <summary>Links of this tenant's pages (or the platform's), never the way out.</summary>
    private bool IsOurs(string href) =>
        href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)
        && (tenant.Length == 0 ? !href.StartsWith("/shaoxing", StringComparison.Ordinal) && !href.StartsWith("/wenzhou", StringComparison.Ordinal) : href.StartsWith(tenant + "/", StringComparison.Ordinal) || href == tenant)
        && !href.Contains("/logout", StringComparison.Ordinal)
        && !href.StartsWith(tenant + "/lib/", StringComparison.Ordinal) && !href.StartsWith(tenant + "/css/", StringComparison.Ordinal)
        && !href.StartsWith(tenant + "/js/", StringComparison.Ordinal);

    private async Task FuzzQueryAsync(string href)
    {
        if (!IsOurs(href) || !href.Contains('?', StringComparison.Ordinal))
        {
            return;
        }

        var (path, query) = (href[..href.IndexOf('?', StringComparison.Ordinal)], href[(href.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('#')[0]);
        var fields = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Select(p => (Name: WebUtility.UrlDecode(p[0]), Value: p.Length > 1 ? WebUtility.UrlDecode(p[1]) : string.Empty))
            .ToList();
        foreach (var (name, _) in fields)
        {
            if (!_fuzzed.Add($"GET {Pattern(path)}?{name}"))
            {
                continue;
            }

            foreach (var (kind, value) in Payloads)
            {
                var mutated = fields.Select(f => (f.Name, f.Name == name ? value : f.Value));
                await SendAsync(HttpMethod.Get, path + "?" + Query(mutated), null, name, kind);
            }
        }
    }

    /// <summary>An id in the path replaced by another tenant's-or-nobody's id and by something that is no id.</summary>
    private async Task FuzzPathIdsAsync(string url)
    {
        var path = url.Split('?')[0];
        if (!Guid().IsMatch(path) || !_fuzzed.Add("PATH " + Pattern(path)))
        {
            return;
        }

        await SendAsync(HttpMethod.Get, Guid().Replace(path, "0190a1b2-0000-7000-8000-00000000abcd", 1), null, "path-id", "other-id");
        await SendAsync(HttpMethod.Get, Guid().Replace(path, "not-a-guid", 1), null, "path-id", "bad-id");

        // (A NUL in the path never reaches the app: Kestrel answers 400 itself, and the test server throws.)
    }

    private async Task FuzzFormAsync(string page, IHtmlFormElement form)
    {
        var method = (form.Method ?? "get").ToUpperInvariant() == "POST" ? HttpMethod.Post : HttpMethod.Get;
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page;
        if (!IsOurs(action) || action.EndsWith("/logout", StringComparison.Ordinal))
        {
            return;
        }

        var fields = Fields(form);
        var fuzzable = fields.Where(f => f.Name != "__RequestVerificationToken").Select(f => f.Name).Distinct().ToList();
        var signature = $"{method} {Pattern(action)} {string.Join(',', fuzzable.Order(StringComparer.Ordinal))}";
        if (fuzzable.Count == 0 || !_fuzzed.Add(signature))
        {
            return;
        }

        Forms++;
        var multipart = form.Enctype?.Contains("multipart", StringComparison.OrdinalIgnoreCase) == true;
        foreach (var name in fuzzable)
        {
            foreach (var (kind, value) in Payloads)
            {
                var mutated = fields.Select(f => f with { Value = f.Name == name ? value : f.Value }).ToList();
                if (method == HttpMethod.Get)
                {
                    var target = action.Split('?')[0] + "?" + Query(mutated.Where(f => !f.IsFile).Select(f => (f.Name, f.Value)));
                    await SendAsync(HttpMethod.Get, target, null, name, kind);
                }
                else
                {
                    await SendAsync(HttpMethod.Post, action, Body(mutated, multipart), name, kind);
                }
            }
        }
    }

    private static List<Field> Fields(IHtmlFormElement form)
    {
        var fields = new List<Field>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is not ("submit" or "button" or "reset" or "image"):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked && fields.Exists(f => f.Name == input.Name))
                    {
                        break; // one value per radio group is enough as the default
                    }

                    fields.Add(new Field(input.Name!, input.Type == "file" ? "fuzz" : input.Value, input.Type == "file"));
                    break;
                case IHtmlSelectElement { Name.Length: > 0 } select:
                    fields.Add(new Field(select.Name!, select.Value ?? select.Options.FirstOrDefault()?.Value ?? string.Empty, false));
                    break;
                case IHtmlTextAreaElement { Name.Length: > 0 } area:
                    fields.Add(new Field(area.Name!, area.Value, false));
                    break;
                case IHtmlButtonElement { Name.Length: > 0 } button when button.Type == "submit":
                    fields.Add(new Field(button.Name!, button.Value, false));
                    break;
            }
        }

        return fields;
    }

    private static HttpContent Body(List<Field> fields, bool multipart)
    {
        if (!multipart)
        {
            return new FormUrlEncodedContent(fields.Where(f => !f.IsFile).Select(f => KeyValuePair.Create(f.Name, f.Value)));
        }

        var content = new MultipartFormDataContent();
        foreach (var field in fields)
        {
            if (field.IsFile)
            {
                content.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(field.Value)), field.Name, "fuzz.pdf");
            }
            else
            {
                content.Add(new StringContent(field.Value), field.Name);
            }
        }

        return content;
    }

    private async Task<HttpResponseMessage?> SendAsync(HttpMethod method, string url, HttpContent? body, string field, string kind)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            Requests++;
            using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = body };
            var response = await _client.Http.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                problems.Add($"{Who}: {method} {Shorten(url)} [{field} = {kind}] → {status}");
                return null;
            }

            if (kind == "markup" && response.Content.Headers.ContentType?.MediaType == "text/html" &&
                (await response.Content.ReadAsStringAsync()).Contains(Markup[..25], StringComparison.Ordinal))
            {
                problems.Add($"{Who}: {method} {Shorten(url)} [{field}] echoes markup unescaped");
            }

            // A step that ended the session (e.g. a password changed): sign in again and repeat it once.
            if (email is not null && status == 302 && PortalClient.RedirectPath(response)?.StartsWith(tenant + "/login", StringComparison.Ordinal) == true
                && attempt == 0 && body is null)
            {
                await SignInAsync();
                continue;
            }

            return response;
        }

        return null;
    }

    private static string Query(IEnumerable<(string Name, string Value)> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value)));

    private static string Shorten(string url) => url.Length > 160 ? url[..160] + "…" : url;

    /// <summary>The page a URL is an instance of: ids and numbers replaced, the query's values dropped.</summary>
    private static string Pattern(string url)
    {
        var parts = url.Split('?');
        var path = Number().Replace(Guid().Replace(parts[0], "{id}"), "/{n}");
        var names = parts.Length > 1 ? string.Join('&', parts[1].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal)) : string.Empty;
        return path + "?" + names;
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex("/[0-9][0-9-]*(?=/|$)")]
    private static partial Regex Number();

    private sealed record Field(string Name, string Value, bool IsFile);
}
