using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Drafting;

/// <summary>
/// The drafting form posted as a browser posts it: every field the rendered page carries, by the names the page gives
/// them (nothing hard-coded about how rows are numbered), with the test's changes on top.
/// </summary>
public sealed partial class DraftFormPost
{
    private readonly List<KeyValuePair<string, string>> _fields;

    private DraftFormPost(string action, string page, List<KeyValuePair<string, string>> fields)
    {
        Action = action;
        Page = page;
        _fields = fields;
    }

    public string Action { get; }

    /// <summary>The edit page the form was read from.</summary>
    public string Page { get; }

    public static async Task<DraftFormPost> ReadAsync(PortalClient client, string id)
    {
        var page = await (await client.GetAsync($"/shaoxing/agreements/{id}/edit")).Content.ReadAsStringAsync();
        return Parse(page);
    }

    public static DraftFormPost Parse(string page)
    {
        var document = new HtmlParser().ParseDocument(page);
        var form = (IHtmlFormElement)(document.GetElementById("draft") ?? throw new InvalidOperationException("No drafting form on the page."));
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is not ("submit" or "button"):
                    if (input.Type is not ("checkbox" or "radio") || input.IsChecked)
                    {
                        fields.Add(new(input.Name!, input.Value));
                    }

                    break;
                case IHtmlSelectElement { Name.Length: > 0 } select:
                    fields.Add(new(select.Name!, select.SelectedOptions.FirstOrDefault()?.Value ?? string.Empty));
                    break;
                case IHtmlTextAreaElement { Name.Length: > 0 } text:
                    fields.Add(new(text.Name!, text.Value));
                    break;
                default:
                    break;
            }
        }

        return new DraftFormPost(form.GetAttribute("action")!, page, fields);
    }

    /// <summary>The name the page gives the frequency box of the item called <paramref name="itemName"/>.</summary>
    public string FrequencyFieldOf(string itemName)
    {
        var document = new HtmlParser().ParseDocument(Page);
        var box = document.QuerySelectorAll("input[aria-label]")
            .SingleOrDefault(i => i.GetAttribute("aria-label")!.EndsWith("：" + itemName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No frequency box for {itemName}.");
        return box.GetAttribute("name")!;
    }

    public string? Value(string name) => _fields.LastOrDefault(f => f.Key == name).Value;

    public DraftFormPost Set(string name, string value)
    {
        var at = _fields.FindIndex(f => f.Key == name);
        _fields.RemoveAll(f => f.Key == name);
        _fields.Insert(at < 0 ? _fields.Count : at, new(name, value));
        return this;
    }

    /// <summary>Presses the button whose value is <paramref name="intent"/> (save, submit, add, …).</summary>
    public async Task<HttpResponseMessage> PostAsync(PortalClient client, string intent)
    {
        var values = new List<KeyValuePair<string, string>>(_fields) { new("intent", intent) };
        using var content = new FormUrlEncodedContent(values);
        return await client.Http.PostAsync(new Uri(Action, UriKind.Relative), content);
    }

    /// <summary>The value the page shows in the box named <paramref name="name"/>.</summary>
    public static string? Shown(string page, string name) => Parse(page).Value(name);

    /// <summary>The message shown next to the field <paramref name="key"/> (data-field-error), or null.</summary>
    public static string? ErrorAt(string page, string key)
    {
        var match = Regex.Match(page, $"data-field-error=\"{Regex.Escape(key)}\">([^<]*)<");
        return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    /// <summary>The id of the price the edit page offers for the item whose name starts with <paramref name="name"/>.</summary>
    public static string PriceOf(string page, string name) =>
        Regex.Match(page, $"<option value=\"([0-9a-f-]{{36}})\">{Regex.Escape(name)}").Groups[1].Value is { Length: > 0 } id
            ? id
            : throw new InvalidOperationException($"{name} is not offered.");
}
