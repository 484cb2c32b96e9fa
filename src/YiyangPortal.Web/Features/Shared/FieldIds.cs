using System.Text.RegularExpressions;

namespace YiyangPortal.Web.Features.Shared;

/// <summary>
/// The element id of a form field from its ModelState key ("Items[3f…].Frequency" → "Items-3f…-Frequency"), so the
/// error summary can link every message to its field.
/// </summary>
public static partial class FieldIds
{
    public static string For(string key) => Separators().Replace(key, "-").Trim('-');

    [GeneratedRegex(@"[\[\]\.]+")]
    private static partial Regex Separators();
}
