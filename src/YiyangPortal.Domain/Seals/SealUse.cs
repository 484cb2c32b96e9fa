using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Seals;

/// <summary>
/// One use of an institution's seal (用印登记, issue 14): who applied it, when, to which agreement and document, the
/// SHA-256 of the text the user confirmed and of the sealed file. Append-only: the table refuses UPDATE and DELETE.
/// </summary>
public sealed class SealUse : ITenantOwned
{
    private SealUse()
    {
        SignerName = string.Empty;
        DocumentNumber = string.Empty;
        ConfirmedSha256 = string.Empty;
        SealedSha256 = string.Empty;
        CertificateSerial = string.Empty;
    }

    public SealUse(
        InstitutionSeal seal, Guid userId, string signerName, DateTimeOffset usedAtUtc, Guid agreementId, string documentNumber,
        string confirmedSha256, string sealedSha256)
    {
        ArgumentNullException.ThrowIfNull(seal);
        Id = Guid.CreateVersion7();
        TenantId = seal.TenantId;
        SealId = seal.Id;
        Party = seal.Party;
        InstitutionId = seal.InstitutionId;
        CertificateSerial = seal.CertificateSerial;
        UserId = userId;
        SignerName = signerName;
        UsedAtUtc = usedAtUtc;
        AgreementId = agreementId;
        DocumentNumber = documentNumber;
        ConfirmedSha256 = confirmedSha256;
        SealedSha256 = sealedSha256;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid SealId { get; private set; }

    public AgreementParty Party { get; private set; }

    public Guid InstitutionId { get; private set; }

    public string CertificateSerial { get; private set; }

    public Guid UserId { get; private set; }

    public string SignerName { get; private set; }

    public DateTimeOffset UsedAtUtc { get; private set; }

    public Guid AgreementId { get; private set; }

    public string DocumentNumber { get; private set; }

    /// <summary>SHA-256 of the agreement text the user confirmed (the signature records the same).</summary>
    public string ConfirmedSha256 { get; private set; }

    /// <summary>SHA-256 of the file this seal produced (stored in agreement_documents).</summary>
    public string SealedSha256 { get; private set; }
}
