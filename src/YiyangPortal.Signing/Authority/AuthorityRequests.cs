using YiyangPortal.Signing.Crypto;

namespace YiyangPortal.Signing.Authority;

/// <summary>
/// A tenant's certificate authority to create: its display name (绍兴市), the algorithm of every key under it, and
/// where the portal publishes the root's revocation list (written into the issuing authority's certificate; null
/// leaves the extension out). The issuing authority's list address is given with each seal it issues.
/// </summary>
public sealed record AuthoritySetup(
    string TenantName,
    SealAlgorithm Algorithm = SealAlgorithm.EcdsaP256,
    string? RootCrlUrl = null,
    string Operator = "医养签约服务门户");

/// <summary>The keys and certificates of a created authority (DER).</summary>
public sealed record TenantAuthority(Guid RootId, Guid IssuingId, byte[] RootCertificate, byte[] IssuingCertificate);

/// <summary>
/// An institution as its certificate names it: the registered name and the 统一社会信用代码 (18 characters,
/// GB 32100-2015; optional because not every registered institution has one on record).
/// </summary>
public sealed record InstitutionSubject(string Name, string? CreditCode);

/// <summary>An issued seal: the key id to sign with and its certificate (DER).</summary>
public sealed record IssuedSeal(Guid SealId, byte[] Certificate);
