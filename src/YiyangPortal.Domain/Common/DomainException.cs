namespace YiyangPortal.Domain.Common;

/// <summary>
/// A rule of the domain was broken. <see cref="Text"/> is the Chinese template with its arguments, which the web layer
/// shows in the user's language (ADR 028); <see cref="Exception.Message"/> is the Chinese text, for logs.
/// </summary>
public sealed class DomainException : Exception
{
    /// <param name="template">A literal Chinese composite-format template, never an interpolated string.</param>
    public DomainException(string template, params object?[] arguments)
        : this(new DomainMessage(template, arguments))
    {
    }

    public DomainException(DomainMessage text)
        : base(text?.ToString())
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
    }

    public DomainException()
        : this(new DomainMessage("操作不符合业务规则。"))
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Text = new DomainMessage(message);
    }

    public DomainException(DomainMessage text, Exception innerException)
        : base(text?.ToString(), innerException)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
    }

    public DomainMessage Text { get; }
}
