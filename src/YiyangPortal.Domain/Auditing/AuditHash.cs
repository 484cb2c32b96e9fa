using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace YiyangPortal.Domain.Auditing;

/// <summary>
/// The hashed form of an audit entry. Every field is written as <c>name=byteLength:value</c> on its own line, so no
/// choice of values can make two different entries serialize alike (a value containing "\n" or "=" cannot shift a
/// boundary). Besides sequence, time, actor, action, details and previous hash, the tenant and the stream are
/// covered too, so an entry cannot be moved to another agreement's chain unnoticed.
/// <para>
/// Two schemes, told apart by the entry's key id: v1 (no key id) is a plain SHA-256, kept so that entries written
/// before keys existed still verify; v2 is an HMAC-SHA256 under the named <see cref="AuditKey"/>, with the key id
/// inside the hashed text. Someone who rewrites a v2 entry cannot recompute its hash without the key (ADR 019).
/// </para>
/// </summary>
public static class AuditHash
{
    private const string Version1 = "yiyang-audit-v1";
    private const string Version2 = "yiyang-audit-v2";
    private const string HeadVersion = "yiyang-audit-head-v1";

    public static string CanonicalText(AuditEntry entry)
    {
        var text = new StringBuilder(entry.KeyId is null ? Version1 : Version2).Append('\n');
        if (entry.KeyId is { } keyId)
        {
            Field(text, "key", keyId);
        }

        Field(text, "tenant", entry.TenantId.ToString("D"));
        Field(text, "stream", entry.AgreementId.ToString("D"));
        Field(text, "sequence", entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, "at", entry.OccurredAtUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Field(text, "actor", entry.ActorUserId?.ToString("D") ?? string.Empty);
        Field(text, "action", entry.Action);
        Field(text, "details", entry.Details);
        Field(text, "previous", entry.PreviousHash);
        return text.ToString();
    }

    /// <summary>The v1 hash (plain SHA-256) of an entry without a key id.</summary>
    public static string Compute(AuditEntry entry) => entry.KeyId is null
        ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText(entry))))
        : throw new InvalidOperationException("A keyed entry is hashed with its key: use Compute(entry, key).");

    /// <summary>The entry's hash under its scheme: v1 without a key, v2 with <paramref name="key"/> (the one it names).</summary>
    public static string Compute(AuditEntry entry, AuditKey? key)
    {
        if (entry.KeyId is null)
        {
            return Compute(entry);
        }

        if (key is null || key.Id != entry.KeyId)
        {
            throw new InvalidOperationException($"Entry is keyed with '{entry.KeyId}', not with the key given.");
        }

        return Mac(key, CanonicalText(entry));
    }

    /// <summary>The text a chain-head checkpoint's MAC covers: the stream, its newest sequence and hash, the key id.</summary>
    public static string CheckpointText(Guid tenantId, Guid agreementId, long sequence, string headHash, string keyId)
    {
        var text = new StringBuilder(HeadVersion).Append('\n');
        Field(text, "key", keyId);
        Field(text, "tenant", tenantId.ToString("D"));
        Field(text, "stream", agreementId.ToString("D"));
        Field(text, "sequence", sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, "head", headHash);
        return text.ToString();
    }

    public static string Mac(AuditKey key, string text) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key.Secret, Encoding.UTF8.GetBytes(text)));

    /// <summary>Hex digests compared in constant time.</summary>
    public static bool SameDigest(string? a, string? b) =>
        a is not null && b is not null && a.Length == b.Length &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    private static void Field(StringBuilder text, string name, string value) =>
        text.Append(name).Append('=')
            .Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':')
            .Append(value).Append('\n');
}
