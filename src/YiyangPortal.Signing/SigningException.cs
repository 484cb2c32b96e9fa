using System.Globalization;

namespace YiyangPortal.Signing;

/// <summary>
/// A refusal of the signing library that reaches the user, as a Chinese composite-format template and its arguments
/// (<c>"印章图片太小（{0}×{1} 像素）…"</c>). The project references nothing of ours, so it cannot use the domain's
/// <c>DomainMessage</c>; the web turns <see cref="Template"/> and <see cref="Arguments"/> into one and translates it
/// like a domain refusal (ADR 028, ADR 032). <see cref="Exception.Message"/> is the Chinese text.
/// </summary>
public abstract class SigningException : Exception
{
    protected SigningException(Exception? inner, string template, object?[] arguments)
        : base(Format(template, arguments), inner)
    {
        Template = template;
        Arguments = arguments;
    }

    public string Template { get; }

    public IReadOnlyList<object?> Arguments { get; }

    private static string Format(string template, object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(template);
        return arguments.Length == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, arguments);
    }
}
