namespace YiyangPortal.Signing.Crypto;

/// <summary>The signature algorithm of a tenant's certificate authority and of the seals it issues (ADR 017).</summary>
public enum SealAlgorithm
{
    /// <summary>ECDSA on NIST P-256 with SHA-256: the default; every PDF reader verifies it.</summary>
    EcdsaP256 = 1,

    /// <summary>RSA 3072 (PKCS #1 v1.5) with SHA-256: for readers or HSMs without elliptic curves.</summary>
    Rsa3072 = 2,

    /// <summary>SM2 with SM3 (国密, GB/T 32918 and GB/T 32905). PDF readers do not verify it; the portal's verifier does.</summary>
    Sm2 = 3,
}
