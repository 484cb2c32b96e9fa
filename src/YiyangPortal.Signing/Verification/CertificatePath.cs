using Org.BouncyCastle.Security;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;

namespace YiyangPortal.Signing.Verification;

/// <summary>
/// Builds the path from a certificate to one of the trusted roots (RFC 5280 §6, the parts that matter here: issuer
/// names and signatures, CA basic constraints, validity at the given time) and looks each certificate up in the
/// revocation lists of its issuer.
/// </summary>
internal sealed class CertificatePath
{
    private CertificatePath(List<X509Certificate> chain, SigningText? problem)
    {
        Chain = chain;
        Problem = problem;
    }

    /// <summary>From the end entity up to the trusted root (when found).</summary>
    public List<X509Certificate> Chain { get; }

    /// <summary>Why the certificate is not trusted, or null.</summary>
    public SigningText? Problem { get; }

    public static CertificatePath Build(X509Certificate leaf, IEnumerable<X509Certificate> intermediates, IReadOnlyList<X509Certificate> roots, DateTimeOffset at)
    {
        var candidates = intermediates.Concat(roots).ToList();
        var chain = new List<X509Certificate> { leaf };
        var current = leaf;
        while (!roots.Any(r => r.Equals(current)))
        {
            var issuer = candidates.FirstOrDefault(c => !chain.Contains(c) && c.SubjectDN.Equivalent(current.IssuerDN) && SignedBy(current, c));
            if (issuer is null || chain.Count > 8)
            {
                return new CertificatePath(chain, new SigningText("证书不是由受信任的根证书签发的。"));
            }
            if (issuer.GetBasicConstraints() < 0)
            {
                return new CertificatePath(chain, new SigningText("证书链中的签发者不是证书机构。"));
            }
            chain.Add(issuer);
            current = issuer;
        }
        foreach (var certificate in chain)
        {
            if (at.UtcDateTime < certificate.NotBefore || at.UtcDateTime > certificate.NotAfter)
            {
                var which = certificate == leaf ? new SigningText("签章证书") : new SigningText("签发机构证书");
                return new CertificatePath(chain, new SigningText("{0}在签章时（{1:yyyy年M月d日 HH:mm:ss}）不在有效期内。", which, SignatureReport.Beijing(at)));
            }
        }
        return new CertificatePath(chain, null);
    }

    /// <summary>The revocation of <paramref name="certificate"/> per its issuer's list among <paramref name="crls"/>.</summary>
    public static (RevocationStatus Status, DateTimeOffset? RevokedAt) Revocation(
        X509Certificate certificate, X509Certificate issuer, IEnumerable<X509Crl> crls)
    {
        foreach (var crl in crls.Where(c => c.IssuerDN.Equivalent(issuer.SubjectDN)))
        {
            try
            {
                crl.Verify(issuer.GetPublicKey());
            }
            catch (Exception e) when (e is InvalidKeyException or SignatureException or CrlException or ArgumentException)
            {
                continue;
            }
            var entry = crl.GetRevokedCertificate(certificate.SerialNumber);
            return entry is null
                ? (RevocationStatus.Good, null)
                : (RevocationStatus.Revoked, new DateTimeOffset(entry.RevocationDate, TimeSpan.Zero));
        }
        return (RevocationStatus.NotChecked, null);
    }

    private static bool SignedBy(X509Certificate certificate, X509Certificate issuer)
    {
        try
        {
            certificate.Verify(issuer.GetPublicKey());
            return true;
        }
        catch (Exception e) when (e is InvalidKeyException or SignatureException or CertificateException or ArgumentException
            or InvalidOperationException or SecurityUtilityException)
        {
            return false;
        }
    }
}
