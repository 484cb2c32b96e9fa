using YiyangPortal.Signing.Crypto;

namespace YiyangPortal.Signing.Keys;

/// <summary>
/// The portal's own key provider: seal keys stored encrypted in <see cref="ISealKeyStore"/>, decrypted only for the
/// moment of one signature and never returned. Revocations recorded by <see cref="Authority.SealCertificateAuthority"/>
/// show in <see cref="SealCertificate.RevokedAt"/>.
/// </summary>
public sealed class LocalSigningKeyProvider(ISealKeyStore store, SealKeyProtector protector) : ISigningKeyProvider
{
    public async Task<SealCertificate> GetCertificateAsync(Guid sealId, CancellationToken cancellationToken = default)
    {
        var seal = await FindSealAsync(sealId, cancellationToken);
        var chain = new List<byte[]> { seal.Certificate };
        var issuerId = seal.IssuerId;
        while (issuerId is { } id && chain.Count < 8)
        {
            var issuer = await store.FindAsync(id, cancellationToken)
                ?? throw new SealUnavailableException("印章证书的签发机构密钥缺失，无法组成证书链。");
            chain.Add(issuer.Certificate);
            issuerId = issuer.IssuerId;
        }
        return new SealCertificate(seal.Algorithm, chain, seal.RevokedAt);
    }

    public async Task<byte[]> SignDigestAsync(Guid sealId, byte[] digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var seal = await FindSealAsync(sealId, cancellationToken);
        if (seal.RevokedAt is not null)
        {
            throw new SealUnavailableException("该电子印章的证书已被吊销，不能再用于签章。");
        }
        var key = protector.Unprotect(seal.Id, seal.EncryptedPrivateKey);
        return DigestSigning.SignDigest(seal.Algorithm, key, digest);
    }

    private async Task<StoredSealKey> FindSealAsync(Guid sealId, CancellationToken cancellationToken)
    {
        var seal = await store.FindAsync(sealId, cancellationToken);
        if (seal is null || seal.Kind != SealKeyKind.InstitutionSeal)
        {
            throw new SealUnavailableException("找不到该电子印章。");
        }
        return seal;
    }
}
