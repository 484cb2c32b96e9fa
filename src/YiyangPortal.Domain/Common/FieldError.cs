namespace YiyangPortal.Domain.Common;

/// <summary>
/// One broken completeness rule, keyed by the field it concerns (e.g. <c>Terms.AnnualHealthServiceFee</c> or
/// <c>Items[3f2…].Frequency</c>) so that the web layer can show the message next to that field in the user's language.
/// </summary>
public sealed record FieldError(string Field, DomainMessage Text)
{
    /// <param name="message">A literal Chinese message without placeholders.</param>
    public FieldError(string field, string message)
        : this(field, new DomainMessage(message))
    {
    }

    /// <summary>The Chinese text.</summary>
    public string Message => Text.ToString();
}
