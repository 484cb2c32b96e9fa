using System.Globalization;

namespace YiyangPortal.Signing;

/// <summary>
/// A sentence of the signing library that reaches the user (a refusal, or a line of a verification report), as a
/// Chinese composite-format template and its arguments (<c>"{0}已于{1:yyyy年M月d日 HH:mm:ss}被吊销，早于盖章时间。"</c>).
/// The project references nothing of ours, so it cannot use the domain's <c>DomainMessage</c>; the web turns this into
/// one and translates it like a domain refusal (ADR 028, ADR 032). An argument may itself be a <see cref="SigningText"/>
/// (a label such as 签章证书), translated the same way. <see cref="ToString"/> is the Chinese text.
/// </summary>
public sealed class SigningText
{
    public SigningText(string template, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(template);
        Template = template;
        Arguments = arguments ?? [];
    }

    public string Template { get; }

    public IReadOnlyList<object?> Arguments { get; }

    public override string ToString() =>
        Arguments.Count == 0 ? Template : string.Format(CultureInfo.InvariantCulture, Template, [.. Arguments]);
}
