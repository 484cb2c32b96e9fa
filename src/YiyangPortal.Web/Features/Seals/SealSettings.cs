using YiyangPortal.Signing.Crypto;
using YiyangPortal.Signing.Keys;

namespace YiyangPortal.Web.Features.Seals;

/// <summary>
/// The electronic seals' configuration (ADR 017): <c>Portal:Seals:KeyEncryptionKey</c> (base64 of 32 random bytes,
/// required: the seal keys are stored encrypted under it, never in the repository; <c>make run</c> generates one in
/// .local/seal-key), <c>Portal:Seals:TimestampUrl</c> (an RFC 3161 time-stamping authority; empty: the portal's own,
/// its keys in the seal key store), <c>Portal:Seals:TimestampTimeoutSeconds</c> (10) and
/// <c>Portal:Seals:Algorithms:{city}</c> (EcdsaP256 — the default —, Rsa3072 or Sm2, read when the city's
/// authority is created).
/// </summary>
public sealed class SealSettings
{
    public const string Section = "Portal:Seals";

    private readonly IConfiguration _section;

    private SealSettings(IConfiguration section, SealKeyProtector protector)
    {
        _section = section;
        Protector = protector;
    }

    public SealKeyProtector Protector { get; }

    public Uri? TimestampUrl => _section["TimestampUrl"] is { Length: > 0 } url ? new Uri(url) : null;

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

        return new SealSettings(section, new SealKeyProtector(bytes));
    }
}
