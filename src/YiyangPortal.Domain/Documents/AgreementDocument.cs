using System.Security.Cryptography;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Documents;

/// <summary>Which rendering of an agreement a stored document is.</summary>
public enum AgreementDocumentKind
{
    /// <summary>The accepted text both representatives sign: its SHA-256 is what each signature records.</summary>
    ForSignature = 1,

    /// <summary>
    /// The executed original (签署文本): the signed text sealed by both parties (issue 14), stored with the second
    /// signature, when the agreement takes effect.
    /// </summary>
    Executed = 2,

    /// <summary>The signed text with the first party's seal (an incremental update of <see cref="ForSignature"/>).</summary>
    SealedOnce = 3,
}

/// <summary>
/// A PDF stored once and never changed (the table refuses UPDATE and DELETE): every download serves these bytes, and
/// their SHA-256 is what signatures, filings and the public verification page refer to (issue 5).
/// </summary>
public sealed class AgreementDocument : ITenantOwned
{
    private AgreementDocument()
    {
        Sha256 = string.Empty;
        Content = [];
    }

    public AgreementDocument(
        Guid tenantId, Guid agreementId, AgreementDocumentKind kind, byte[] content, DateTimeOffset createdAtUtc, string? sealLayout = null)
    {
        SealLayout = sealLayout;
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        AgreementId = agreementId;
        Kind = kind;
        Content = content;
        Sha256 = HashOf(content);
        CreatedAtUtc = createdAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid AgreementId { get; private set; }

    public AgreementDocumentKind Kind { get; private set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>.</summary>
    public string Sha256 { get; private set; }

    public byte[] Content { get; private set; }

    public DateTimeOffset CreatedAtUtc { get; private set; }

    /// <summary>
    /// For the text both parties seal: where each party's seal and signer text go (JSON, PDF user space), as the
    /// renderer laid the text out. Kept with the bytes, so the second seal lands where the first party's layout said,
    /// even after a renderer upgrade (issue 14).
    /// </summary>
    public string? SealLayout { get; private set; }

    public static string HashOf(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
