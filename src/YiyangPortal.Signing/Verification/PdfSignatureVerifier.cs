using System.Globalization;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using YiyangPortal.Signing.Pdf;

namespace YiyangPortal.Signing.Verification;

/// <summary>
/// Verifies every signature of an uploaded PDF (ADR 017): integrity of the signed bytes, signer certificate and its
/// path to a trusted root, revocation, the signature time stamp, coverage of the file and what was added after each
/// signature. Shares no code with the signer's CMS building. The clock gives "now" for signatures without a valid
/// time stamp.
/// </summary>
public sealed class PdfSignatureVerifier(TimeProvider clock)
{
    private const string CreditCodePrefix = "NTRCN-";

    public PdfVerificationReport Verify(byte[] pdf, VerificationTrust trust)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(trust);
        var roots = trust.TrustedRoots.Select(der => new X509Certificate(der)).ToList();
        var crls = (trust.RevocationLists ?? []).Select(der => new X509Crl(der)).ToList();
        var timestampRoots = (trust.TimestampRoots ?? []).Select(der => new X509Certificate(der)).ToList();
        try
        {
            var file = PdfFile.Open(pdf);
            var found = PdfSignatureLocator.Find(file);
            var context = new Context(file, roots, crls, timestampRoots);
            var reports = found.Select(f => VerifyOne(context, f)).ToList();
            var lastEnd = found.Select(f => f.ByteRange.Length == 4 ? f.ByteRange[2] + f.ByteRange[3] : 0).DefaultIfEmpty(pdf.Length).Max();
            return new PdfVerificationReport { Signatures = reports, BytesAfterLastSignature = Math.Max(0, pdf.Length - lastEnd) };
        }
        catch (UnsupportedPdfException e)
        {
            return new PdfVerificationReport { Problem = new SigningText("无法读取该文件的结构，不能验证：{0}", e.Text) };
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or IndexOutOfRangeException)
        {
            // An uploaded file is anyone's: whatever in it defeats the reader is reported, never thrown.
            return new PdfVerificationReport { Problem = new SigningText("无法读取该文件的结构，不能验证。") };
        }
    }

    private SignatureReport VerifyOne(Context context, FoundSignature found)
    {
        var problems = new List<SigningText>();
        var report = new SignatureReport { FieldName = found.FieldName, ClaimedTime = ParsePdfDate(found.ClaimedTime) };
        if (found.SubFilter is not ("ETSI.CAdES.detached" or "adbe.pkcs7.detached"))
        {
            problems.Add(new SigningText("签章格式（{0}）不受支持。", found.SubFilter ?? (object)new SigningText("未标明")));
        }
        var pdf = context.File.Data;
        if (!RangeIsSound(pdf, found.ByteRange))
        {
            return report with { Problems = [.. problems, new SigningText("签章的覆盖范围（ByteRange）不合规范，无法确认文件未被改动。")] };
        }
        var (a, b, c) = (found.ByteRange[1], found.ByteRange[2], found.ByteRange[3]);
        var cms = CmsSignatureCheck.Parse(found.Contents);
        if (cms is null)
        {
            return report with { Problems = [.. problems, new SigningText("签章数据无法解析。")] };
        }
        var certificate = cms.Certificate;
        report = report with
        {
            SignerName = certificate is null ? null : Organization(certificate.SubjectDN),
            CreditCode = certificate is null ? null : CreditCode(certificate.SubjectDN),
            SignerSubject = certificate?.SubjectDN.ToString(),
            Algorithm = cms.AlgorithmName,
            CoversWholeDocument = b + c == pdf.Length,
        };
        var integrity = certificate is not null
            && cms.DigestMatches(digest => DigestOf(digest, pdf, (int)a, (int)b, (int)c))
            && cms.SignatureMatches()
            && cms.SigningCertificateMatches() != false;
        if (!integrity)
        {
            problems.Add(certificate is null ? new SigningText("签章数据中缺少签章证书。") : new SigningText("签章所覆盖的内容已被改动，或签章数据损坏。"));
        }

        var (timestampTime, timestampValid) = CheckTimestamp(cms, context, problems);
        var at = timestampValid ? timestampTime!.Value : clock.GetUtcNow();
        var trusted = false;
        var revocation = (Status: RevocationStatus.NotChecked, RevokedAt: (DateTimeOffset?)null);
        if (certificate is not null)
        {
            var path = CertificatePath.Build(certificate, cms.Certificates, context.Roots, at);
            trusted = path.Problem is null;
            if (path.Problem is not null)
            {
                problems.Add(path.Problem);
            }
            revocation = CheckRevocation(path, context, at, problems);
        }
        var changed = !report.CoversWholeDocument && RevisionCheck.ContentChangedAfter(context.File, b + c);
        if (changed)
        {
            problems.Add(new SigningText("盖章后文件内容被修改过（不只是追加了其他签章）。"));
        }
        return report with
        {
            IntegrityValid = integrity,
            HasTimestamp = cms.TimestampToken is not null,
            TimestampTime = timestampTime,
            TimestampValid = timestampValid,
            CertificateTrusted = trusted,
            Revocation = revocation.Status,
            RevokedAt = revocation.RevokedAt,
            ChangedAfterSigning = changed,
            Problems = problems,
        };
    }

    private static (DateTimeOffset? Time, bool Valid) CheckTimestamp(CmsSignatureCheck cms, Context context, List<SigningText> problems)
    {
        if (cms.TimestampToken is not { } token)
        {
            problems.Add(new SigningText("签章没有可信时间戳，盖章时间无法证实。"));
            return (null, false);
        }
        var (time, problem) = TimestampCheck.Check(token, cms.Signer.GetSignature(), context.TimestampRoots);
        if (problem is not null)
        {
            problems.Add(problem);
        }
        return (time, problem is null);
    }

    // Each certificate of the path against its issuer's list. Revoked after the time-stamped signing time does not
    // undo the signature (the time stamp proves it existed before); revoked before does.
    private static (RevocationStatus, DateTimeOffset?) CheckRevocation(CertificatePath path, Context context, DateTimeOffset at, List<SigningText> problems)
    {
        var leafStatus = (Status: RevocationStatus.NotChecked, RevokedAt: (DateTimeOffset?)null);
        for (var i = 0; i + 1 < path.Chain.Count; i++)
        {
            var (status, revokedAt) = CertificatePath.Revocation(path.Chain[i], path.Chain[i + 1], context.Crls);
            if (i == 0)
            {
                leafStatus = (status, revokedAt);
            }
            if (status == RevocationStatus.Revoked && revokedAt <= at)
            {
                var which = i == 0 ? new SigningText("签章证书") : new SigningText("签发机构证书");
                problems.Add(new SigningText("{0}已于{1:yyyy年M月d日 HH:mm:ss}被吊销，早于盖章时间。", which, SignatureReport.Beijing(revokedAt.Value)));
            }
        }
        return leafStatus;
    }

    // [0 a b c]: starts at 0, the hole between a and b is exactly the /Contents hex string, the rest ends in the file.
    private static bool RangeIsSound(byte[] pdf, long[] range) =>
        range is [0, var a, var b, var c] && a > 0 && b > a && c >= 0 && b + c <= pdf.Length
        && pdf[a] == '<' && pdf[b - 1] == '>'
        && pdf.AsSpan((int)a + 1, (int)(b - a - 2)).IndexOfAnyExcept("0123456789abcdefABCDEF"u8) < 0;

    private static byte[] DigestOf(IDigest digest, byte[] pdf, int a, int b, int c)
    {
        digest.BlockUpdate(pdf, 0, a);
        digest.BlockUpdate(pdf, b, c);
        return DigestUtilities.DoFinal(digest);
    }

    private static string? Organization(X509Name name) =>
        name.GetValueList(X509Name.O).FirstOrDefault() ?? name.GetValueList(X509Name.CN).FirstOrDefault();

    private static string? CreditCode(X509Name name)
    {
        var value = name.GetValueList(new Org.BouncyCastle.Asn1.DerObjectIdentifier("2.5.4.97")).FirstOrDefault();
        return value is not null && value.StartsWith(CreditCodePrefix, StringComparison.Ordinal) ? value[CreditCodePrefix.Length..] : value;
    }

    // D:YYYYMMDDHHmmSS+HH'mm' (§7.9.4); null when absent or not in that form.
    private static DateTimeOffset? ParsePdfDate(string? text)
    {
        if (text is null || !text.StartsWith("D:", StringComparison.Ordinal) || text.Length < 16)
        {
            return null;
        }
        if (!DateTime.TryParseExact(text[2..16], "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }
        var offset = TimeSpan.Zero;
        if (text.Length >= 22 && text[16] is '+' or '-'
            && int.TryParse(text.AsSpan(17, 2), CultureInfo.InvariantCulture, out var hours)
            && int.TryParse(text.AsSpan(20, 2), CultureInfo.InvariantCulture, out var minutes))
        {
            offset = new TimeSpan(hours, minutes, 0) * (text[16] == '-' ? -1 : 1);
        }
        return new DateTimeOffset(local, offset);
    }

    private sealed record Context(PdfFile File, List<X509Certificate> Roots, List<X509Crl> Crls, List<X509Certificate> TimestampRoots);
}
