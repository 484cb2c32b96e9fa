using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;

namespace YiyangPortal.Signing.Crypto;

/// <summary>
/// A BouncyCastle signature factory (certificates, CRLs, timestamp tokens) over <see cref="DigestSigning"/>:
/// deterministic ECDSA/SM2 and SM2 with its Z_A prefix, which BouncyCastle's own factory draws at random.
/// </summary>
internal sealed class DeterministicSignatureFactory(SealAlgorithm algorithm, AsymmetricKeyParameter privateKey, AsymmetricKeyParameter publicKey)
    : ISignatureFactory
{
    public object AlgorithmDetails => DigestSigning.SignatureAlgorithm(algorithm);

    public IStreamCalculator<IBlockResult> CreateCalculator() => new Calculator(algorithm, privateKey, publicKey);

    public static DeterministicSignatureFactory For(AsymmetricCipherKeyPair pair) =>
        new(KeyPairs.AlgorithmOf(pair.Public), pair.Private, pair.Public);

    private sealed class Calculator(SealAlgorithm algorithm, AsymmetricKeyParameter privateKey, AsymmetricKeyParameter publicKey)
        : IStreamCalculator<IBlockResult>
    {
        private readonly MemoryStream _data = new();

        public Stream Stream => _data;

        public IBlockResult GetResult()
        {
            var digest = DigestSigning.ToBeSignedDigest(algorithm, publicKey, _data.ToArray());
            return new SimpleBlockResult(DigestSigning.SignDigest(algorithm, privateKey, digest));
        }
    }
}

/// <summary>Public key of an EC private key (BouncyCastle's private key parameters do not carry it).</summary>
internal static class PublicKeys
{
    public static AsymmetricKeyParameter From(AsymmetricKeyParameter privateKey) => privateKey switch
    {
        ECPrivateKeyParameters ec => new ECPublicKeyParameters(
            "EC", new Org.BouncyCastle.Math.EC.Multiplier.FixedPointCombMultiplier().Multiply(ec.Parameters.G, ec.D), ec.Parameters),
        RsaPrivateCrtKeyParameters rsa => new RsaKeyParameters(false, rsa.Modulus, rsa.PublicExponent),
        _ => throw new NotSupportedException($"Unsupported key type {privateKey.GetType().Name}."),
    };
}
