using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Web.Validation;

/// <summary>
/// Reads numbers the way people type them in a Chinese form: full-width digits and punctuation (１２０，８０．５),
/// thousands separators (1,000), a currency sign in front (¥, ￥) and a unit behind (100元, 4次/月, 2名). Anything
/// else is not guessed at: the field gets a message that says what is wrong and shows an example.
/// </summary>
public static partial class LenientNumbers
{
    /// <summary>The value as a plain invariant number string ("1000.5"), or null when it is not a number.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        // NFKC turns full-width digits, commas and full stops into their ASCII forms.
        var text = WhiteSpace().Replace(typed.Normalize(NormalizationForm.FormKC), string.Empty).Replace('。', '.');
        text = text.TrimStart('¥', '￥').Trim();
        text = TrailingUnit().Replace(text, string.Empty);
        if (Grouped().IsMatch(text))
        {
            text = text.Replace(",", string.Empty, StringComparison.Ordinal);
        }

        return Plain().IsMatch(text) ? text : null;
    }

    public static bool TryParseDecimal(string? typed, out decimal value)
    {
        value = 0;
        return Normalize(typed) is { } plain
               && decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseInt(string? typed, out int value)
    {
        value = 0;
        return Normalize(typed) is { } plain
               && int.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>"“一百”不是数字。请填写阿拉伯数字，例如 1200 或 1,200.50。" as Chinese text (<see cref="Problem"/>).</summary>
    public static string Message(string typed, bool whole) => Problem(typed, whole).ToString();

    /// <summary>
    /// What is wrong with <paramref name="typed"/>, as a template and the value (ADR 028), so it reads in the user's
    /// language: a number too large for the field says so ("数值过大"), anything else shows an example.
    /// </summary>
    public static DomainMessage Problem(string typed, bool whole)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var shown = Shorten(typed);
        return Normalize(typed) is { } plain && (!whole || !plain.Contains('.', StringComparison.Ordinal))
            ? whole
                ? new DomainMessage("“{0}”数值过大，请填写不超过 {1:#,0} 的整数。", shown, int.MaxValue)
                : new DomainMessage("“{0}”数值过大，请核对后重新填写。", shown)
            : whole
                ? new DomainMessage("“{0}”不是整数。请填写阿拉伯数字，例如 4。", shown)
                : new DomainMessage("“{0}”不是有效的金额或数字。请填写阿拉伯数字，例如 1200 或 1,200.50。", shown);
    }

    private static string Shorten(string typed) => typed.Length <= 20 ? typed : typed[..20] + "…";

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"(元/次|元/年|元/月|次/月|次/年|次/周|元|次|名|人|个|份|天|日)$")]
    private static partial Regex TrailingUnit();

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex Grouped();

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex Plain();
}
