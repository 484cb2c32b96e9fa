using YiyangPortal.Signing.Crypto;
using YiyangPortal.Signing.Keys;

namespace YiyangPortal.Web.Features.Seals;

/// <summary>
/// The electronic seals' configuration (ADR 017): <c>Portal:Seals:KeyEncryptionKey</c> (base64 of 32 random bytes,
/// required: the seal keys are stored encrypted under it, never in the repository; <c>make run</c> generates one in
/// .local/seal-key), <c>Portal:Seals:TimestampUrl</c> (an RFC 3161 time-stamping authority; empty: the portal's own,
/// its keys in the seal key store), <c>Portal:Seals:TimestampRootCertificates</c> (the external authority's root
/// certificates, PEM text or the path of a PEM or DER file, trusted for time stamps on the verification page next to
/// the portal's own), <c>Portal:Seals:TimestampTimeoutSeconds</c> (10) and
/// <c>Portal:Seals:Algorithms:{city}</c> (EcdsaP256 — the default —, Rsa3072 or Sm2, read when the city's
/// authority is created).
/// </summary>
public sealed class SealSettings
{
    public const string Section = "Portal:Seals";

    private readonly IConfiguration _section;
    private IReadOnlyList<byte[]>? _timestampRoots;

    private SealSettings(IConfiguration section, SealKeyProtector protector)
    {
        _section = section;
        Protector = protector;
    }

    public SealKeyProtector Protector { get; }

    public Uri? TimestampUrl => _section["TimestampUrl"] is { Length: > 0 } url ? new Uri(url) : null;

    /// <summary>
    /// The roots an external time-stamping authority chains to (DER), from <c>TimestampRootCertificates</c>: PEM text,
    /// or a file path (PEM or DER). A value that holds no certificate stops the start-up with the reason.
    /// </summary>
    public IReadOnlyList<byte[]> TimestampRoots => _timestampRoots ??= ReadCertificates(_section["TimestampRootCertificates"]);

    public TimeSpan TimestampTimeout => TimeSpan.FromSeconds(int.TryParse(_section["TimestampTimeoutSeconds"], out var s) && s > 0 ? s : 10);

    public SealAlgorithm AlgorithmOf(string? tenantSlug) =>
        tenantSlug is not null && Enum.TryParse<SealAlgorithm>(_section[$"Algorithms:{tenantSlug}"], ignoreCase: true, out var algorithm)
            ? algorithm
            : SealAlgorithm.EcdsaP256;

    public static SealSettings Load(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var key = section["KeyEncryptionKey"];
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException(
                "Portal:Seals:KeyEncryptionKey is not set (e.g. Portal__Seals__KeyEncryptionKey=<base64 of 32 random bytes>): the " +
                "seal keys are stored encrypted under a key kept outside the database. `make run` generates one in .local/seal-key.");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(key.Trim());
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException("Portal:Seals:KeyEncryptionKey must be base64 of 32 random bytes.", e);
        }

        if (bytes.Length != 32)
        {
            throw new InvalidOperationException($"Portal:Seals:KeyEncryptionKey must be 32 bytes (it is {bytes.Length}).");
        }

        var settings = new SealSettings(section, new SealKeyProtector(bytes));
        _ = settings.TimestampRoots; // a bad value is a start-up error, not a verification surprise
        return settings;
    }

    private static byte[][] ReadCertificates(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var text = value.Trim();
        byte[] content = text.StartsWith("-----BEGIN", StringComparison.Ordinal) ? System.Text.Encoding.ASCII.GetBytes(text)
            : File.Exists(text) ? File.ReadAllBytes(text)
            : throw new InvalidOperationException($"Portal:Seals:TimestampRootCertificates is neither PEM text nor an existing file: {text}");
        var pem = System.Text.Encoding.ASCII.GetString(content);
        var certificates = new List<byte[]>();
        var rest = pem.AsSpan();
        while (System.Security.Cryptography.PemEncoding.TryFind(rest, out var fields))
        {
            if (rest[fields.Label].SequenceEqual("CERTIFICATE"))
            {
                certificates.Add(Convert.FromBase64String(rest[fields.Base64Data].ToString()));
            }

            rest = rest[fields.Location.End.Value..];
        }

        if (certificates.Count == 0 && !pem.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            certificates.Add(content); // a DER file
        }

        foreach (var der in certificates)
        {
            try
            {
                _ = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(der);
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                throw new InvalidOperationException("Portal:Seals:TimestampRootCertificates holds something that is not a certificate.", e);
            }
        }

        return certificates.Count > 0
            ? [.. certificates]
            : throw new InvalidOperationException("Portal:Seals:TimestampRootCertificates holds no certificate.");
    }
}
