namespace YiyangPortal.Signing.Pdf;

/// <summary>
/// The file is not a PDF the seal writer can update: only what the portal's renderer writes (a classic cross-reference
/// table, no encryption, no object streams) and the incremental updates the seal writer itself appended.
/// </summary>
public sealed class UnsupportedPdfException(string template, params object?[] arguments) : SigningException(null, template, arguments);
