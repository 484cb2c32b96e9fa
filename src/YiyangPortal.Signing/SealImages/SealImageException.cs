namespace YiyangPortal.Signing.SealImages;

/// <summary>A seal image that cannot be used; the message is for the user (a template, <see cref="SigningException"/>).</summary>
public sealed class SealImageException(string template, params object?[] arguments) : SigningException(null, template, arguments);
