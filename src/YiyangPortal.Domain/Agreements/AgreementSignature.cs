namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// One party's electronic signature (签字/盖章) of the generated agreement document, with the evidence a dispute
/// would need: who, in which capacity, when, from where, and the SHA-256 of exactly the document signed.
/// </summary>
public sealed class AgreementSignature
{
    private AgreementSignature()
    {
        SignerName = string.Empty;
        SignerTitle = string.Empty;
        ClientIp = string.Empty;
        DocumentSha256 = string.Empty;
    }

    internal AgreementSignature(
        AgreementParty party, Guid userId, string signerName, string signerTitle, DateTimeOffset signedAtUtc,
        string clientIp, string documentSha256, int attempt)
    {
        Id = Guid.CreateVersion7();
        Party = party;
        UserId = userId;
        SignerName = signerName;
        SignerTitle = signerTitle;
        SignedAtUtc = signedAtUtc;
        ClientIp = clientIp;
        DocumentSha256 = documentSha256;
        Attempt = attempt;
    }

    public Guid Id { get; private set; }

    public AgreementParty Party { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>代表人 as signed.</summary>
    public string SignerName { get; private set; }

    /// <summary>The signer's post, e.g. 院长.</summary>
    public string SignerTitle { get; private set; }

    public DateTimeOffset SignedAtUtc { get; private set; }

    public string ClientIp { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the PDF the signer saw.</summary>
    public string DocumentSha256 { get; private set; }

    /// <summary>
    /// How many times the agreement had been returned for revision when this signature was made. A later return
    /// withdraws it; it stays on record (signatures are never deleted) but no longer counts.
    /// </summary>
    public int Attempt { get; private set; }
}
