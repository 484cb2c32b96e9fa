using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;
using YiyangPortal.Signing.Crypto;
using YiyangPortal.Signing.Keys;

namespace YiyangPortal.Signing.Authority;

/// <summary>
/// A tenant's own certificate authority (ADR 017): a root and an issuing authority generated on demand, seal
/// certificates issued to institutions, revocation and the revocation lists. Keys go to <see cref="ISealKeyStore"/>
/// encrypted by <see cref="SealKeyProtector"/>; the clock is the caller's.
/// </summary>
public sealed class SealCertificateAuthority(ISealKeyStore store, SealKeyProtector protector, TimeProvider clock)
{
    public static readonly TimeSpan RootValidity = TimeSpan.FromDays(20 * 365);
    public static readonly TimeSpan IssuingValidity = TimeSpan.FromDays(10 * 365);
    public static readonly TimeSpan DefaultSealValidity = TimeSpan.FromDays(2 * 365);

    public async Task<TenantAuthority> CreateAuthorityAsync(AuthoritySetup setup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var now = Now();
        var rootKeys = KeyPairs.Generate(setup.Algorithm);
        var rootName = CertificateProfiles.AuthorityName($"{setup.TenantName}医养签约电子印章根证书", setup.Operator);
        var rootGenerator = CertificateProfiles.NewGenerator(rootName, rootName, rootKeys.Public, now, now + RootValidity);
        CertificateProfiles.AddAuthority(rootGenerator, pathLength: null);
        var root = rootGenerator.Generate(DeterministicSignatureFactory.For(rootKeys));

        var issuingKeys = KeyPairs.Generate(setup.Algorithm);
        var issuingName = CertificateProfiles.AuthorityName($"{setup.TenantName}医养签约电子印章签发机构", setup.Operator);
        var issuingGenerator = CertificateProfiles.NewGenerator(rootName, issuingName, issuingKeys.Public, now, now + IssuingValidity);
        CertificateProfiles.AddAuthority(issuingGenerator, pathLength: 0);
        CertificateProfiles.AddIssuer(issuingGenerator, root, setup.RootCrlUrl);
        var issuing = issuingGenerator.Generate(DeterministicSignatureFactory.For(rootKeys));

        var rootId = Guid.NewGuid();
        var issuingId = Guid.NewGuid();
        await SaveAsync(rootId, SealKeyKind.RootAuthority, setup.Algorithm, null, rootKeys.Private, root, now, cancellationToken);
        await SaveAsync(issuingId, SealKeyKind.IssuingAuthority, setup.Algorithm, rootId, issuingKeys.Private, issuing, now, cancellationToken);
        return new TenantAuthority(rootId, issuingId, root.GetEncoded(), issuing.GetEncoded());
    }

    /// <summary>Issues a seal certificate (and key) to an institution under the issuing authority.</summary>
    /// <param name="crlUrl">Where the issuing authority's revocation list is published (written into the certificate).</param>
    public async Task<IssuedSeal> IssueSealAsync(
        Guid issuingId, InstitutionSubject subject, string? crlUrl = null, TimeSpan? validity = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (string.IsNullOrWhiteSpace(subject.Name))
        {
            throw new ArgumentException("An institution certificate needs the institution's registered name.", nameof(subject));
        }
        var (issuerRecord, issuerKey, issuer) = await LoadAuthorityAsync(issuingId, cancellationToken);
        var now = Now();
        var notAfter = now + (validity ?? DefaultSealValidity);
        if (notAfter > new DateTimeOffset(issuer.NotAfter, TimeSpan.Zero))
        {
            notAfter = new DateTimeOffset(issuer.NotAfter, TimeSpan.Zero);
        }
        var keys = KeyPairs.Generate(issuerRecord.Algorithm);
        var generator = CertificateProfiles.NewGenerator(
            issuer.SubjectDN, CertificateProfiles.InstitutionName(subject), keys.Public, now, notAfter);
        CertificateProfiles.AddSeal(generator);
        CertificateProfiles.AddIssuer(generator, issuer, crlUrl);
        var certificate = generator.Generate(new DeterministicSignatureFactory(issuerRecord.Algorithm, issuerKey, issuer.GetPublicKey()));
        var sealId = Guid.NewGuid();
        await SaveAsync(sealId, SealKeyKind.InstitutionSeal, issuerRecord.Algorithm, issuingId, keys.Private, certificate, now, cancellationToken);
        return new IssuedSeal(sealId, certificate.GetEncoded());
    }

    /// <summary>Records the revocation of a seal (or of an issuing authority); it shows in the next revocation list.</summary>
    public async Task RevokeAsync(Guid keyId, string reason, CancellationToken cancellationToken = default)
    {
        var key = await store.FindAsync(keyId, cancellationToken)
            ?? throw new SealUnavailableException("找不到要吊销的证书。");
        if (key.RevokedAt is null)
        {
            await store.SaveAsync(key with { RevokedAt = NextWholeSecond(), RevocationReason = reason }, cancellationToken);
        }
    }

    // A revocation list and a time stamp both state whole seconds. Truncating the revocation time would date it before
    // a seal applied earlier in the same second, and the verifier would call that seal "revoked before sealing"; the
    // revocation takes effect at the next whole second instead (the key is refused for sealing from now on anyway).
    private DateTimeOffset NextWholeSecond() => Now().AddSeconds(1);

    /// <summary>
    /// The revocation list (DER) of an authority: every certificate it signed that was revoked, signed by the
    /// authority, valid for <paramref name="validFor"/>. The CRL number is the issue time in seconds (increasing).
    /// </summary>
    public async Task<byte[]> CreateCrlAsync(Guid authorityId, TimeSpan validFor, CancellationToken cancellationToken = default)
    {
        var (record, key, certificate) = await LoadAuthorityAsync(authorityId, cancellationToken);
        var now = Now();
        var generator = new X509V2CrlGenerator();
        generator.SetIssuerDN(certificate.SubjectDN);
        generator.SetThisUpdate(now.UtcDateTime);
        generator.SetNextUpdate((now + validFor).UtcDateTime);
        generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, X509ExtensionUtilities.CreateAuthorityKeyIdentifier(certificate));
        generator.AddExtension(X509Extensions.CrlNumber, false, new CrlNumber(Org.BouncyCastle.Math.BigInteger.ValueOf(now.ToUnixTimeSeconds())));
        foreach (var revoked in await store.ListRevokedIssuedByAsync(authorityId, cancellationToken))
        {
            generator.AddCrlEntry(new X509Certificate(revoked.Certificate).SerialNumber, revoked.RevokedAt!.Value.UtcDateTime, CrlReason.Unspecified);
        }
        return generator.Generate(new DeterministicSignatureFactory(record.Algorithm, key, certificate.GetPublicKey())).GetEncoded();
    }

    private async Task<(StoredSealKey Record, AsymmetricKeyParameter Key, X509Certificate Certificate)> LoadAuthorityAsync(
        Guid id, CancellationToken cancellationToken)
    {
        var record = await store.FindAsync(id, cancellationToken);
        if (record is null || record.Kind == SealKeyKind.InstitutionSeal)
        {
            throw new SealUnavailableException("找不到该证书签发机构。");
        }
        if (record.RevokedAt is not null)
        {
            throw new SealUnavailableException("该证书签发机构已被吊销，不能再签发证书。");
        }
        return (record, protector.Unprotect(record.Id, record.EncryptedPrivateKey), new X509Certificate(record.Certificate));
    }

    private Task SaveAsync(
        Guid id, SealKeyKind kind, SealAlgorithm algorithm, Guid? issuerId, AsymmetricKeyParameter privateKey,
        X509Certificate certificate, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.SaveAsync(
            new StoredSealKey(id, kind, algorithm, issuerId, protector.Protect(id, privateKey), certificate.GetEncoded(), now),
            cancellationToken);

    // Certificates carry whole seconds.
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
