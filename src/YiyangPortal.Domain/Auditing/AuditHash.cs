using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace YiyangPortal.Domain.Auditing;

/// <summary>
/// The hashed form of an audit entry. Every field is written as <c>name=byteLength:value</c> on its own line, so no
/// choice of values can make two different entries serialize alike (a value containing "\n" or "=" cannot shift a
/// boundary). Besides sequence, time, actor, action, details and previous hash, the tenant and the stream are
/// covered too, so an entry cannot be moved to another agreement's chain unnoticed.
/// </summary>
public static class AuditHash
{
    private const string Version = "yiyang-audit-v1";

    public static string CanonicalText(AuditEntry entry)
    {
        var text = new StringBuilder(Version).Append('\n');
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

    public static string Compute(AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText(entry))));

    private static void Field(StringBuilder text, string name, string value) =>
        text.Append(name).Append('=')
            .Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':')
            .Append(value).Append('\n');
}
