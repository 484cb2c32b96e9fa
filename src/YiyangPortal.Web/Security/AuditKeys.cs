using YiyangPortal.Domain.Auditing;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Web.Security;

/// <summary>
/// The audit chain's keys from configuration (never from the database): <c>Portal:Audit:Keys:{id}</c> = a base64
/// secret of at least 32 bytes, one entry per key, and <c>Portal:Audit:CurrentKeyId</c> naming the key new entries
/// use (optional while there is only one). Rotation: add a key, point CurrentKeyId at it, keep the old keys so the
/// entries they made still verify (docs/security.md).
/// </summary>
public static class AuditKeys
{
    public const string Section = "Portal:Audit";

    public static AuditKeyring Load(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var keys = section.GetSection("Keys").GetChildren()
            .Where(k => !string.IsNullOrWhiteSpace(k.Value))
            .Select(k => Key(k.Key, k.Value!))
            .ToList();
        if (keys.Count == 0)
        {
            throw new InvalidOperationException(
                "Portal:Audit:Keys is not set (e.g. Portal__Audit__Keys__k1=<base64 of 32 random bytes>): the audit chain " +
                "is keyed with a secret kept outside the database. `make run` generates one in .local/audit-key; see docs/security.md.");
        }

        var currentId = section["CurrentKeyId"];
        AuditKey current;
        if (string.IsNullOrWhiteSpace(currentId))
        {
            current = keys.Count == 1
                ? keys[0]
                : throw new InvalidOperationException("Several audit keys are configured: set Portal:Audit:CurrentKeyId to the one new entries use.");
        }
        else
        {
            current = keys.Find(k => k.Id == currentId.Trim())
                ?? throw new InvalidOperationException($"Portal:Audit:CurrentKeyId names '{currentId}', which is not among Portal:Audit:Keys.");
        }

        return new AuditKeyring(current, keys);
    }

    private static AuditKey Key(string id, string base64)
    {
        try
        {
            return new AuditKey(id, Convert.FromBase64String(base64.Trim()));
        }
        catch (Exception e) when (e is FormatException or DomainException)
        {
            throw new InvalidOperationException($"Audit key '{id}' must be base64 of at least {AuditKey.MinimumSecretBytes} random bytes ({e.Message}).", e);
        }
    }
}
