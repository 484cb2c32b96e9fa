using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace YiyangPortal.Signing.Crypto;

/// <summary>Generates key pairs for the three algorithms.</summary>
internal static class KeyPairs
{
    public static AsymmetricCipherKeyPair Generate(SealAlgorithm algorithm)
    {
        var random = new SecureRandom();
        switch (algorithm)
        {
            case SealAlgorithm.EcdsaP256:
                {
                    var generator = new ECKeyPairGenerator("EC");
                    generator.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP256r1, random));
                    return generator.GenerateKeyPair();
                }
            case SealAlgorithm.Sm2:
                {
                    var generator = new ECKeyPairGenerator("EC");
                    generator.Init(new ECKeyGenerationParameters(GMObjectIdentifiers.sm2p256v1, random));
                    return generator.GenerateKeyPair();
                }
            case SealAlgorithm.Rsa3072:
                {
                    // .NET's generator (OpenSSL) takes a fraction of a second; BouncyCastle's several seconds.
                    using var rsa = System.Security.Cryptography.RSA.Create(3072);
                    return DotNetUtilities.GetRsaKeyPair(rsa);
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null);
        }
    }

    /// <summary>Which algorithm a public key belongs to (SM2 keys are EC keys on the sm2p256v1 curve).</summary>
    public static SealAlgorithm AlgorithmOf(AsymmetricKeyParameter key) => key switch
    {
        RsaKeyParameters => SealAlgorithm.Rsa3072,
        ECKeyParameters { Parameters: ECNamedDomainParameters named } when named.Name.Equals(GMObjectIdentifiers.sm2p256v1) =>
            SealAlgorithm.Sm2,
        ECKeyParameters ec when ec.Parameters.Curve.Equals(GMNamedCurves.GetByOid(GMObjectIdentifiers.sm2p256v1).Curve) =>
            SealAlgorithm.Sm2,
        ECKeyParameters => SealAlgorithm.EcdsaP256,
        _ => throw new NotSupportedException($"Unsupported key type {key.GetType().Name}."),
    };
}
