using System.Text;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Tenancy;

/// <summary>One county-level division of a new city: its GB/T 2260 code, name and kind.</summary>
public sealed record CountyLine(string Code, string Name, CountyKind Kind);

/// <summary>
/// The counties of a new city as the platform operator types them: one per line, "代码 名称" (330602 越城区). Each
/// code is a county's (its last two digits are not 00), lies inside the city (the city code's first 4 digits) and
/// appears once; the kind follows from the code (<see cref="County.KindOf"/>).
/// </summary>
public static class CityCounties
{
    /// <summary>The field the problems are keyed by.</summary>
    public const string Field = "Counties";

    /// <summary>The counties read from <paramref name="text"/>, and what is wrong with it (then the list is empty).</summary>
    public static (IReadOnlyList<CountyLine> Counties, IReadOnlyList<FieldError> Problems) Parse(string? text, string? cityCode)
    {
        var counties = new List<CountyLine>();
        var errors = new List<FieldError>();
        var prefix = cityCode is { Length: 6 } && cityCode.All(char.IsAsciiDigit) ? cityCode[..4] : null;
        var lines = (text ?? string.Empty).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            // Full-width digits and spaces, as a Chinese input method types them, read as their ASCII forms.
            var line = lines[i].Normalize(NormalizationForm.FormKC).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var n = i + 1;
            var parts = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length < 2)
            {
                errors.Add(new FieldError(Field, new DomainMessage("第 {0} 行应为“代码 名称”，如“330602 越城区”。", n)));
                continue;
            }

            var (code, name) = (parts[0], parts[1]);
            if (code.Length != 6 || !code.All(char.IsAsciiDigit))
            {
                errors.Add(new FieldError(Field, new DomainMessage("第 {0} 行：区县代码“{1}”应为 6 位数字。", n, code)));
            }
            else if (code.EndsWith("00", StringComparison.Ordinal))
            {
                errors.Add(new FieldError(Field, new DomainMessage("第 {0} 行：“{1}”是市级代码，区县代码的后两位不能为 00。", n, code)));
            }
            else if (prefix is not null && !code.StartsWith(prefix, StringComparison.Ordinal))
            {
                errors.Add(new FieldError(Field, new DomainMessage("第 {0} 行：区县代码“{1}”应以本市代码的前 4 位“{2}”开头。", n, code, prefix)));
            }
            else if (counties.Exists(c => c.Code == code))
            {
                errors.Add(new FieldError(Field, new DomainMessage("第 {0} 行：区县代码“{1}”重复。", n, code)));
            }
            else if (name.Length > County.NameMaxLength || name.Any(char.IsControl))
            {
                errors.Add(new FieldError(Field, new DomainMessage("第 {0} 行：区县名称不能超过 {1} 个字。", n, County.NameMaxLength)));
            }
            else if (counties.Exists(c => c.Name == name))
            {
                errors.Add(new FieldError(Field, new DomainMessage("第 {0} 行：区县名称“{1}”重复。", n, name)));
            }
            else
            {
                counties.Add(new CountyLine(code, name, County.KindOf(code)));
            }
        }

        if (counties.Count == 0 && errors.Count == 0)
        {
            errors.Add(new FieldError(Field, "请至少填写一个区县，每行一个，如“330602 越城区”。"));
        }

        return errors.Count > 0 ? ([], errors) : (counties, errors);
    }
}
