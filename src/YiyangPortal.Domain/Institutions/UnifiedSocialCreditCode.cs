using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Institutions;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z); the last is a check
/// character computed from the first 17 with weights 3^i mod 31.
/// </summary>
public sealed record UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private UnifiedSocialCreditCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The 6-digit administrative division code embedded in positions 3–8.</summary>
    public string DivisionCode => Value[2..8];

    public static UnifiedSocialCreditCode Parse(string? input) =>
        TryParse(input, out var code, out var error) ? code! : throw new DomainException(error!);

    public static bool TryParse(string? input, out UnifiedSocialCreditCode? code, out string? error)
    {
        code = null;
        var value = (input ?? string.Empty).Trim().ToUpperInvariant();
        if (value.Length != 18)
        {
            error = "统一社会信用代码应为 18 位。";
            return false;
        }

        var invalid = value.FirstOrDefault(c => !Alphabet.Contains(c, StringComparison.Ordinal));
        if (invalid != default)
        {
            error = $"统一社会信用代码含有无效字符“{invalid}”（不使用 I、O、S、V、Z）。";
            return false;
        }

        if (value[17] != CheckCharacter(value))
        {
            error = "统一社会信用代码校验位不正确，请核对后重新输入。";
            return false;
        }

        code = new UnifiedSocialCreditCode(value);
        error = null;
        return true;
    }

    public override string ToString() => Value;

    /// <summary>Completes 17 characters with their check character (demo data and tests).</summary>
    public static UnifiedSocialCreditCode Complete(string first17) =>
        first17.Length == 17 ? Parse(first17 + CheckCharacter(first17 + "0")) : throw new DomainException("应为 17 位。");

    private static char CheckCharacter(string value)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(value[i], StringComparison.Ordinal) * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }
}
