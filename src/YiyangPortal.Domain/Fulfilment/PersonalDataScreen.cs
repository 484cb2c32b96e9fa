using System.Text.RegularExpressions;

namespace YiyangPortal.Domain.Fulfilment;

/// <summary>
/// Free text in a service record holds no resident's identity (2020 guide 八; PIPL: health data is sensitive personal
/// information, so records carry counts only). Text that looks like a 居民身份证号码 (18 characters, or the old 15
/// digits) or a 手机号码 (11 digits from 13–19) is refused, spaces and hyphens between the digits included.
/// </summary>
public static partial class PersonalDataScreen
{
    /// <summary>What the text seems to hold ("身份证号码" / "手机号码"), or null when it looks clean.</summary>
    public static string? Finding(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var digits = Separators().Replace(text, string.Empty);
        if (IdCard().IsMatch(digits))
        {
            return "身份证号码";
        }

        return Mobile().IsMatch(digits) ? "手机号码" : null;
    }

    [GeneratedRegex(@"(?<=\d)[\s\-－—]+(?=[\dXx])")]
    private static partial Regex Separators();

    [GeneratedRegex(@"(?<!\d)(\d{17}[\dXx]|\d{15})(?!\d)")]
    private static partial Regex IdCard();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();
}
