using System.Text.RegularExpressions;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Auditing;

/// <summary>
/// A secret the audit chain is keyed with (HMAC-SHA256). It lives in configuration, never in the database, so
/// whoever can rewrite the tables still cannot produce valid hashes. The id is stored with every entry, so keys can
/// be rotated: new entries use the current key, older ones are verified with the key they name.
/// </summary>
public sealed partial record AuditKey
{
    public const int MinimumSecretBytes = 32;

    public AuditKey(string id, byte[] secret)
    {
        Id = id is not null && KeyId().IsMatch(id) ? id : throw new DomainException("审计密钥编号只能由 1–32 个字母、数字、点、下划线或连字符组成。");
        Secret = secret is { Length: >= MinimumSecretBytes } ? secret.ToArray() : throw new DomainException("审计密钥至少需要 {0} 字节。", MinimumSecretBytes);
    }

    public string Id { get; }

    public byte[] Secret { get; }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,32}$")]
    private static partial Regex KeyId();
}

/// <summary>The keys the chain may name: the current one signs new entries, every configured one verifies.</summary>
public sealed class AuditKeyring
{
    private readonly Dictionary<string, AuditKey> _keys;

    public AuditKeyring(AuditKey current, IEnumerable<AuditKey>? older = null)
    {
        Current = current;
        _keys = new Dictionary<string, AuditKey>(StringComparer.Ordinal) { [current.Id] = current };
        foreach (var key in older ?? [])
        {
            _keys.TryAdd(key.Id, key);
        }
    }

    /// <summary>No keys: verifies only entries of the unkeyed scheme (v1, written before keys existed).</summary>
    public static AuditKeyring None { get; } = new();

    private AuditKeyring()
    {
        _keys = new Dictionary<string, AuditKey>(StringComparer.Ordinal);
    }

    public AuditKey? Current { get; }

    public AuditKey? Find(string id) => _keys.GetValueOrDefault(id);
}
