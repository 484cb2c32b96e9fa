using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace YiyangPortal.Signing.Keys;

/// <summary>
/// Encrypts private keys for storage: the PKCS #8 encoding under AES-256-GCM with a key from configuration (never
/// from the repository), a random 96-bit nonce, and the key's id as associated data (a ciphertext copied onto
/// another row does not decrypt). Layout: version byte 1 ‖ nonce (12) ‖ ciphertext ‖ tag (16).
/// </summary>
public sealed class SealKeyProtector
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    /// <param name="masterKey">32 bytes (AES-256), e.g. base64 from configuration.</param>
    public SealKeyProtector(byte[] masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        if (masterKey.Length != 32)
        {
            throw new ArgumentException("The seal key encryption key must be 32 bytes (AES-256).", nameof(masterKey));
        }
        _key = (byte[])masterKey.Clone();
    }

    /// <summary>A fresh random 32-byte key, e.g. for development set-up.</summary>
    public static byte[] NewMasterKey() => RandomNumberGenerator.GetBytes(32);

    internal byte[] Protect(Guid keyId, AsymmetricKeyParameter privateKey)
    {
        var plain = PrivateKeyInfoFactory.CreatePrivateKeyInfo(privateKey).GetDerEncoded();
        try
        {
            var output = new byte[1 + NonceSize + plain.Length + TagSize];
            output[0] = Version;
            var nonce = output.AsSpan(1, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(_key, TagSize);
            aes.Encrypt(nonce, plain, output.AsSpan(1 + NonceSize, plain.Length), output.AsSpan(1 + NonceSize + plain.Length), keyId.ToByteArray());
            return output;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    internal AsymmetricKeyParameter Unprotect(Guid keyId, byte[] stored)
    {
        if (stored.Length < 1 + NonceSize + TagSize || stored[0] != Version)
        {
            throw new CryptographicException("Unknown format of a stored seal key.");
        }
        var length = stored.Length - 1 - NonceSize - TagSize;
        var plain = new byte[length];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(stored.AsSpan(1, NonceSize), stored.AsSpan(1 + NonceSize, length), stored.AsSpan(1 + NonceSize + length), plain, keyId.ToByteArray());
            return PrivateKeyFactory.CreateKey(plain);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}
