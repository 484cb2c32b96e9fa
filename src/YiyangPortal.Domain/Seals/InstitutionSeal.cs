using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Seals;

/// <summary>How an institution's seal image came to be.</summary>
public enum SealImageSource
{
    /// <summary>The round red 公章 drawn by the portal from the registered name.</summary>
    Drawn = 1,

    /// <summary>A scan of the paper seal uploaded by the institution (checked for size and format).</summary>
    Uploaded = 2,
}

/// <summary>
/// An institution's electronic seal (电子印章, issue 14): the image pressed into its signature block and the
/// certificate the tenant's authority issued to it. The private key stays with the key provider; this row names it
/// (<see cref="KeyId"/>). One seal per institution; a new image replaces the old one, the certificate stays.
/// </summary>
public sealed class InstitutionSeal : ITenantOwned
{
    private InstitutionSeal()
    {
        Algorithm = string.Empty;
        CertificateSubject = string.Empty;
        CertificateSerial = string.Empty;
        Image = [];
    }

    public InstitutionSeal(
        Guid tenantId, AgreementParty party, Guid institutionId, Guid keyId, string algorithm, string certificateSubject,
        string certificateSerial, DateTimeOffset validFrom, DateTimeOffset validTo, byte[] image, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        Party = party;
        InstitutionId = institutionId;
        KeyId = keyId;
        Algorithm = algorithm;
        CertificateSubject = certificateSubject;
        CertificateSerial = certificateSerial;
        ValidFrom = validFrom;
        ValidTo = validTo;
        Image = image;
        ImageSource = SealImageSource.Drawn;
        CreatedAtUtc = at;
        ImageChangedAtUtc = at;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public AgreementParty Party { get; private set; }

    /// <summary>The elder-care institution (甲方) or the medical institution (乙方), as <see cref="Party"/> says.</summary>
    public Guid InstitutionId { get; private set; }

    /// <summary>The seal's key at the key provider (ISigningKeyProvider).</summary>
    public Guid KeyId { get; private set; }

    public string Algorithm { get; private set; }

    public string CertificateSubject { get; private set; }

    /// <summary>The certificate's serial number in hex.</summary>
    public string CertificateSerial { get; private set; }

    public DateTimeOffset ValidFrom { get; private set; }

    public DateTimeOffset ValidTo { get; private set; }

    /// <summary>The seal image as PNG (transparent background).</summary>
    public byte[] Image { get; private set; }

    public SealImageSource ImageSource { get; private set; }

    public DateTimeOffset CreatedAtUtc { get; private set; }

    public DateTimeOffset ImageChangedAtUtc { get; private set; }

    /// <summary>The longest reason for revoking a certificate, in characters.</summary>
    public const int MaxRevocationReasonLength = 200;

    /// <summary>
    /// A new certificate and key for the same seal after the old certificate was revoked (吊销, e.g. a key that may have
    /// leaked or a renamed institution): later seals use the new key; the image and the 用印 rights stay.
    /// </summary>
    public void Reissue(Guid keyId, string certificateSubject, string certificateSerial, DateTimeOffset validFrom, DateTimeOffset validTo)
    {
        if (keyId == Guid.Empty || keyId == KeyId)
        {
            throw new InvalidOperationException("A reissued seal has a new key.");
        }

        KeyId = keyId;
        CertificateSubject = certificateSubject;
        CertificateSerial = certificateSerial;
        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    /// <summary>The reason for revoking, trimmed; a missing or overlong reason is refused.</summary>
    public static string RevocationReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new DomainException("请填写吊销原因。")
        : reason.Trim().Length > MaxRevocationReasonLength ? throw new DomainException("吊销原因不能超过 200 个字。")
        : reason.Trim();

    public void ReplaceImage(byte[] png, SealImageSource source, DateTimeOffset at)
    {
        if (png is not { Length: > 0 })
        {
            throw new DomainException("请上传印章图片。");
        }

        Image = png;
        ImageSource = source;
        ImageChangedAtUtc = at;
    }
}
