using Org.BouncyCastle.X509;
using YiyangPortal.Signing.Keys;

namespace YiyangPortal.Signing.Pades;

/// <summary>Refuses, in words a user understands, a seal whose certificate cannot sign now.</summary>
internal static class SealCertificateCheck
{
    public static void EnsureUsable(SealCertificate certificate, X509Certificate signer, DateTimeOffset now)
    {
        if (certificate.RevokedAt is { } revokedAt)
        {
            throw new SealUnavailableException("该电子印章的证书已于{0:yyyy年M月d日}被吊销，不能用于签章。请联系平台管理员重新签发。", Day(revokedAt));
        }
        var notBefore = new DateTimeOffset(signer.NotBefore, TimeSpan.Zero);
        var notAfter = new DateTimeOffset(signer.NotAfter, TimeSpan.Zero);
        if (now < notBefore)
        {
            throw new SealUnavailableException("该电子印章的证书自{0:yyyy年M月d日}起才生效，现在不能用于签章。", Day(notBefore));
        }
        if (now > notAfter)
        {
            throw new SealUnavailableException("该电子印章的证书已于{0:yyyy年M月d日}过期，不能用于签章。请联系平台管理员续期。", Day(notAfter));
        }
    }

    // The day in Beijing time; the message formats it (yyyy年M月d日 in Chinese).
    private static DateTimeOffset Day(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(8));
}
