using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Utilities;

namespace YiyangPortal.Signing.Crypto;

/// <summary>
/// The signer's side of each algorithm, split into "digest the data" and "sign the digest" so a key can live behind
/// <see cref="Keys.ISigningKeyProvider"/> (which only ever sees a digest). ECDSA and SM2 draw their nonce
/// deterministically from the key and the digest (RFC 6979), so signing the same bytes twice gives the same
/// signature; RSA PKCS #1 v1.5 is deterministic by construction.
/// </summary>
internal static class DigestSigning
{
    /// <summary>The default SM2 signer identity of GB/T 35276 / GM/T 0009 ("1234567812345678").</summary>
    private static readonly byte[] Sm2DefaultId = "1234567812345678"u8.ToArray();

    public static AlgorithmIdentifier DigestAlgorithm(SealAlgorithm algorithm) => algorithm == SealAlgorithm.Sm2
        ? new AlgorithmIdentifier(GMObjectIdentifiers.sm3)
        : new AlgorithmIdentifier(NistObjectIdentifiers.IdSha256);

    public static AlgorithmIdentifier SignatureAlgorithm(SealAlgorithm algorithm) => algorithm switch
    {
        SealAlgorithm.EcdsaP256 => new AlgorithmIdentifier(X9ObjectIdentifiers.ECDsaWithSha256),
        SealAlgorithm.Rsa3072 => new AlgorithmIdentifier(PkcsObjectIdentifiers.Sha256WithRsaEncryption, DerNull.Instance),
        SealAlgorithm.Sm2 => new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    /// <summary>Plain SHA-256 or SM3 of the data (the CMS message digest).</summary>
    public static byte[] Hash(SealAlgorithm algorithm, ReadOnlySpan<byte> data)
    {
        if (algorithm != SealAlgorithm.Sm2)
        {
            return System.Security.Cryptography.SHA256.HashData(data);
        }
        var sm3 = new SM3Digest();
        sm3.BlockUpdate(data);
        var result = new byte[sm3.GetDigestSize()];
        sm3.DoFinal(result, 0);
        return result;
    }

    /// <summary>
    /// The digest a key signs for <paramref name="data"/>: SHA-256 for ECDSA and RSA; for SM2 the value e =
    /// SM3(Z_A ‖ data), where Z_A binds the signer's public key and the default identity (GB/T 32918.2 §6.1).
    /// </summary>
    public static byte[] ToBeSignedDigest(SealAlgorithm algorithm, AsymmetricKeyParameter publicKey, ReadOnlySpan<byte> data)
    {
        if (algorithm != SealAlgorithm.Sm2)
        {
            return Hash(algorithm, data);
        }
        var key = (ECPublicKeyParameters)publicKey;
        var sm3 = new SM3Digest();
        sm3.BlockUpdate(Sm2Z(key.Parameters, key.Q));
        sm3.BlockUpdate(data);
        var e = new byte[32];
        sm3.DoFinal(e, 0);
        return e;
    }

    public static byte[] SignDigest(SealAlgorithm algorithm, AsymmetricKeyParameter privateKey, byte[] digest)
    {
        switch (algorithm)
        {
            case SealAlgorithm.EcdsaP256:
                {
                    var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
                    signer.Init(true, privateKey);
                    var rs = signer.GenerateSignature(digest);
                    return StandardDsaEncoding.Instance.Encode(((ECKeyParameters)privateKey).Parameters.N, rs[0], rs[1]);
                }
            case SealAlgorithm.Rsa3072:
                {
                    // .NET's RSA (OpenSSL underneath) signs about 30 times faster than BouncyCastle's big integers.
                    using var rsa = System.Security.Cryptography.RSA.Create(
                        Org.BouncyCastle.Security.DotNetUtilities.ToRSAParameters((RsaPrivateCrtKeyParameters)privateKey));
                    return rsa.SignHash(digest, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
                }
            case SealAlgorithm.Sm2:
                return Sm2SignE((ECPrivateKeyParameters)privateKey, digest);
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null);
        }
    }

    // GB/T 32918.2 §6.1 steps A3–A7 from e (A1–A2 are ToBeSignedDigest), with k drawn as in RFC 6979 (HMAC-SM3).
    private static byte[] Sm2SignE(ECPrivateKeyParameters key, byte[] eHash)
    {
        var domain = key.Parameters;
        var n = domain.N;
        var d = key.D;
        var e = new BigInteger(1, eHash);
        var k = new HMacDsaKCalculator(new SM3Digest());
        k.Init(n, d, eHash);
        var multiplier = new FixedPointCombMultiplier();
        while (true)
        {
            var kValue = k.NextK();
            var point = multiplier.Multiply(domain.G, kValue).Normalize();
            var r = e.Add(point.AffineXCoord.ToBigInteger()).Mod(n);
            if (r.SignValue == 0 || r.Add(kValue).Equals(n))
            {
                continue;
            }
            var inverse = BigIntegers.ModOddInverse(n, d.Add(BigInteger.One));
            var s = inverse.Multiply(kValue.Subtract(r.Multiply(d))).Mod(n);
            if (s.SignValue != 0)
            {
                return StandardDsaEncoding.Instance.Encode(n, r, s);
            }
        }
    }

    private static byte[] Sm2Z(ECDomainParameters domain, ECPoint q)
    {
        var sm3 = new SM3Digest();
        var bits = Sm2DefaultId.Length * 8;
        sm3.Update((byte)(bits >> 8));
        sm3.Update((byte)bits);
        sm3.BlockUpdate(Sm2DefaultId);
        foreach (var element in new[] { domain.Curve.A, domain.Curve.B, domain.G.AffineXCoord, domain.G.AffineYCoord, q.AffineXCoord, q.AffineYCoord })
        {
            sm3.BlockUpdate(element.GetEncoded());
        }
        var z = new byte[32];
        sm3.DoFinal(z, 0);
        return z;
    }
}
