using System.Globalization;

namespace YiyangPortal.Domain.Common;

/// <summary>
/// A message of the domain as a Chinese composite-format template (<c>"第{0}项的频次不能低于{1}"</c>) and its
/// arguments. The template is the localization key: the web layer looks it up and formats the translation with the
/// same arguments (ADR 028). Arguments are values (numbers, dates, names) or nested messages (labels to translate).
/// <see cref="ToString"/> is the Chinese text.
/// </summary>
public sealed class DomainMessage
{
    public DomainMessage(string template, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(template);
        Template = template;
        Arguments = arguments ?? [];
    }

    public string Template { get; }

    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>The Chinese text: the template formatted with the arguments (invariant numbers and dates).</summary>
    public override string ToString() =>
        Arguments.Count == 0 ? Template : string.Format(CultureInfo.InvariantCulture, Template, [.. Arguments]);
}
