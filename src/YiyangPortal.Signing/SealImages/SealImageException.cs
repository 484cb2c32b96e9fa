namespace YiyangPortal.Signing.SealImages;

/// <summary>A seal image that cannot be used; the message is for the user (Chinese).</summary>
public sealed class SealImageException(string message) : Exception(message);
