namespace YiyangPortal.Signing;

/// <summary>
/// A refusal of the signing library that reaches the user; <see cref="Text"/> is its template and arguments
/// (<c>"印章图片太小（{0}×{1} 像素）…"</c>), which the web translates (ADR 032). <see cref="Exception.Message"/> is the
/// Chinese text.
/// </summary>
public abstract class SigningException : Exception
{
    protected SigningException(Exception? inner, string template, object?[] arguments)
        : this(new SigningText(template, arguments), inner)
    {
    }

    private SigningException(SigningText text, Exception? inner)
        : base(text.ToString(), inner) => Text = text;

    /// <summary>The refusal as a template and its arguments, for the web to translate.</summary>
    public SigningText Text { get; }
}
