namespace YiyangPortal.Domain.Common;

/// <summary>
/// One broken completeness rule, keyed by the field it concerns (e.g. <c>Terms.AnnualHealthServiceFee</c> or
/// <c>Items[3f2…].Frequency</c>) so that the web layer can show the Chinese message next to that field.
/// </summary>
public sealed record FieldError(string Field, string Message);
