using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cmp;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;
using Org.BouncyCastle.X509;
using YiyangPortal.Signing.Authority;
using YiyangPortal.Signing.Crypto;
using YiyangPortal.Signing.Keys;

namespace YiyangPortal.Signing.Timestamping;

/// <summary>
/// The portal's own RFC 3161 time-stamping authority for development and tests (BouncyCastle's
/// TimeStampResponseGenerator): a self-signed root and a TSA certificate (extendedKeyUsage timeStamping, critical,
/// as RFC 3161 §2.3 requires), made in memory or loaded from the key store (<see cref="LoadOrCreateAsync"/>). The time is the given clock's; the serial number
/// is drawn from the request's imprint and the time, so the same request at the same time gives the same token (and
/// signatures are deterministic). Usable in-process as an <see cref="ITimestampClient"/>, or behind a URL
/// through <see cref="Respond"/>. A production deployment points <see cref="HttpTimestampClient"/> at a trusted TSA.
/// </summary>
public sealed class LocalTimestampAuthority : ITimestampClient
{
    /// <summary>A policy identifier of our own (a private arc); RFC 3161 requires one.</summary>
    private static readonly DerObjectIdentifier Policy = new("1.3.6.1.4.1.59999.14.1");

    private readonly TimeProvider _clock;
    private readonly TimeStampResponseGenerator _generator;
    private readonly Lock _gate = new();

    /// <summary>A TSA whose keys live only as long as this object (tests, a throwaway development run).</summary>
    public LocalTimestampAuthority(TimeProvider clock, SealAlgorithm algorithm = SealAlgorithm.EcdsaP256)
        : this(clock, NewKeys(clock, algorithm))
    {
    }

    private LocalTimestampAuthority(TimeProvider clock, (AsymmetricKeyParameter Key, X509Certificate Certificate, X509Certificate Root) keys)
    {
        _clock = clock;
        RootCertificate = keys.Root.GetEncoded();
        Certificate = keys.Certificate.GetEncoded();
        _generator = new TimeStampResponseGenerator(TokenGenerator(keys.Key, keys.Certificate, keys.Root), TspAlgorithms.Allowed);
    }

    /// <summary>The TSA's root certificate (DER): what a verifier trusts for these time stamps.</summary>
    public byte[] RootCertificate { get; }

    /// <summary>The TSA's own certificate (DER).</summary>
    public byte[] Certificate { get; }

    public Task<byte[]> GetTokenAsync(byte[] sha256Digest, CancellationToken cancellationToken = default)
    {
        var request = TimestampExchange.Request(sha256Digest, nonce: null);
        return Task.FromResult(TimestampExchange.Token(request, Respond(request.GetEncoded())));
    }

    /// <summary>
    /// The TSA whose key is stored under <paramref name="keyId"/> (its root as the record's issuer), created and
    /// stored on first use: time stamps issued before a restart stay verifiable against the same root.
    /// </summary>
    public static async Task<LocalTimestampAuthority> LoadOrCreateAsync(
        ISealKeyStore store, SealKeyProtector protector, Guid keyId, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(protector);
        if (await store.FindAsync(keyId, cancellationToken) is { IssuerId: { } rootId } stored
            && await store.FindAsync(rootId, cancellationToken) is { } storedRoot)
        {
            var key = protector.Unprotect(stored.Id, stored.EncryptedPrivateKey);
            return new LocalTimestampAuthority(clock, (key, new X509Certificate(stored.Certificate), new X509Certificate(storedRoot.Certificate)));
        }
        var algorithm = SealAlgorithm.EcdsaP256;
        var (rootKeys, root, keys, certificate) = CreateKeys(clock, algorithm);
        var now = clock.GetUtcNow();
        var newRootId = Guid.NewGuid();
        await store.SaveAsync(new StoredSealKey(newRootId, SealKeyKind.RootAuthority, algorithm, null,
            protector.Protect(newRootId, rootKeys.Private), root.GetEncoded(), now), cancellationToken);
        await store.SaveAsync(new StoredSealKey(keyId, SealKeyKind.TimestampAuthority, algorithm, newRootId,
            protector.Protect(keyId, keys.Private), certificate.GetEncoded(), now), cancellationToken);
        return new LocalTimestampAuthority(clock, (keys.Private, certificate, root));
    }

    /// <summary>Answers a DER application/timestamp-query with a DER application/timestamp-reply.</summary>
    public byte[] Respond(byte[] query)
    {
        TimeStampRequest request;
        try
        {
            request = new TimeStampRequest(query);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException)
        {
            return _generator.GenerateFailResponse(PkiStatus.Rejection, PkiFailureInfo.BadDataFormat, "bad request").GetEncoded();
        }
        var now = _clock.GetUtcNow();
        var seed = request.GetMessageImprintDigest().Concat(BitConverter.GetBytes(now.UtcTicks)).ToArray();
        var serial = new BigInteger(1, System.Security.Cryptography.SHA256.HashData(seed).AsSpan(0, 16).ToArray());
        lock (_gate)
        {
            return _generator.Generate(request, serial, now.UtcDateTime).GetEncoded();
        }
    }

    private static (AsymmetricKeyParameter, X509Certificate, X509Certificate) NewKeys(TimeProvider clock, SealAlgorithm algorithm)
    {
        var (_, root, keys, certificate) = CreateKeys(clock, algorithm);
        return (keys.Private, certificate, root);
    }

    // A self-signed root and the TSA certificate it issues: extendedKeyUsage timeStamping only, critical (RFC 3161 §2.3).
    private static (AsymmetricCipherKeyPair RootKeys, X509Certificate Root, AsymmetricCipherKeyPair Keys, X509Certificate Certificate) CreateKeys(
        TimeProvider clock, SealAlgorithm algorithm)
    {
        const string name = "医养签约服务门户时间戳服务";
        var now = clock.GetUtcNow();
        now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var rootKeys = KeyPairs.Generate(algorithm);
        var rootName = CertificateProfiles.AuthorityName(name + "根证书", "医养签约服务门户");
        var rootGenerator = CertificateProfiles.NewGenerator(rootName, rootName, rootKeys.Public, now.AddDays(-1), now.AddYears(20));
        CertificateProfiles.AddAuthority(rootGenerator, pathLength: 0);
        var root = rootGenerator.Generate(DeterministicSignatureFactory.For(rootKeys));

        var keys = KeyPairs.Generate(algorithm);
        var generator = CertificateProfiles.NewGenerator(
            rootName, CertificateProfiles.AuthorityName(name, "医养签约服务门户"), keys.Public, now.AddDays(-1), now.AddYears(10));
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(false));
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature | KeyUsage.NonRepudiation));
        generator.AddExtension(X509Extensions.ExtendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeID.id_kp_timeStamping));
        CertificateProfiles.AddIssuer(generator, root, null);
        return (rootKeys, root, keys, generator.Generate(DeterministicSignatureFactory.For(rootKeys)));
    }

    private TimeStampTokenGenerator TokenGenerator(AsymmetricKeyParameter key, X509Certificate certificate, X509Certificate root)
    {
        // The CMS signing-time comes from our clock, not from BouncyCastle's.
        var signedAttributes = new SignedAttributesWithClock(_clock);
        var signerInfo = new SignerInfoGeneratorBuilder()
            .WithSignedAttributeGenerator(signedAttributes)
            .Build(new DeterministicSignatureFactory(KeyPairs.AlgorithmOf(key), key, certificate.GetPublicKey()), certificate);
        var tokens = new TimeStampTokenGenerator(signerInfo, Asn1DigestFactory.Get(NistObjectIdentifiers.IdSha256), Policy, true);
        tokens.SetCertificates(CollectionUtilities.CreateStore(new[] { certificate, root }));
        return tokens;
    }

    private sealed class SignedAttributesWithClock(TimeProvider clock) : CmsAttributeTableGenerator
    {
        public Org.BouncyCastle.Asn1.Cms.AttributeTable GetAttributes(IDictionary<CmsAttributeTableParameter, object> parameters)
        {
            var table = new Dictionary<DerObjectIdentifier, object>
            {
                [CmsAttributes.SigningTime] = new Org.BouncyCastle.Asn1.Cms.Attribute(
                    CmsAttributes.SigningTime, new DerSet(new Org.BouncyCastle.Asn1.Cms.Time(clock.GetUtcNow().UtcDateTime))),
            };
            return new DefaultSignedAttributeTableGenerator(new Org.BouncyCastle.Asn1.Cms.AttributeTable(table)).GetAttributes(parameters);
        }
    }
}
