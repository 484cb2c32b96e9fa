namespace YiyangPortal.Signing.Verification;

/// <summary>Whether a certificate was found revoked in the revocation lists given.</summary>
public enum RevocationStatus
{
    /// <summary>No revocation list of the issuer was given.</summary>
    NotChecked = 0,

    /// <summary>The issuer's list does not name the certificate.</summary>
    Good = 1,

    /// <summary>The list names it; see <see cref="SignatureReport.RevokedAt"/>.</summary>
    Revoked = 2,
}

/// <summary>
/// One signature of a PDF as the verifier found it. <see cref="Problems"/> says in plain words what is wrong (templates
/// the web translates, ADR 032); a signature with none is valid (签章有效). Facts are reported even when a check failed.
/// </summary>
public sealed record SignatureReport
{
    public required string FieldName { get; init; }

    /// <summary>Who sealed: the organization (or common name) in the signer's certificate.</summary>
    public string? SignerName { get; init; }

    /// <summary>The 统一社会信用代码 from the certificate's organizationIdentifier, if any.</summary>
    public string? CreditCode { get; init; }

    public string? SignerSubject { get; init; }

    /// <summary>E.g. "ECDSA P-256 / SHA-256", "SM2 / SM3".</summary>
    public string? Algorithm { get; init; }

    /// <summary>The time the signer claimed (/M of the signature dictionary).</summary>
    public DateTimeOffset? ClaimedTime { get; init; }

    /// <summary>The time of the signature time stamp (trusted when <see cref="TimestampValid"/>).</summary>
    public DateTimeOffset? TimestampTime { get; init; }

    public bool HasTimestamp { get; init; }

    public bool TimestampValid { get; init; }

    /// <summary>The signed bytes are unchanged (digest and signature value check).</summary>
    public bool IntegrityValid { get; init; }

    /// <summary>The signer's certificate chains to a trusted root and was valid when sealed.</summary>
    public bool CertificateTrusted { get; init; }

    public RevocationStatus Revocation { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>The signature covers every byte of the file.</summary>
    public bool CoversWholeDocument { get; init; }

    /// <summary>Bytes were added after this signature other than later signatures (a later revision changed content).</summary>
    public bool ChangedAfterSigning { get; init; }

    public IReadOnlyList<SigningText> Problems { get; init; } = [];

    /// <summary>SM2/SM3 (国密): PDF readers cannot check it; the portal's verifier can.</summary>
    public bool IsGuomi => Algorithm?.StartsWith("SM2", StringComparison.Ordinal) == true;

    public bool IsValid => Problems.Count == 0;

    public SigningText Verdict => IsValid ? Valid : Invalid;

    internal static readonly SigningText Valid = new SigningText("签章有效");
    internal static readonly SigningText Invalid = new SigningText("签章无效");

    /// <summary>One sentence: who sealed, when, and how sure the time is.</summary>
    public SigningText Summary
    {
        get
        {
            var who = SignerName ?? (object)new SigningText("（未知签章人）");
            var time = TimestampValid && TimestampTime is { } stamped
                ? new SigningText("{0:yyyy年M月d日 HH:mm:ss}（北京时间，可信时间戳）", Beijing(stamped))
                : ClaimedTime is { } claimed
                    ? new SigningText("{0:yyyy年M月d日 HH:mm:ss}（北京时间，签章人自报，无可信时间戳）", Beijing(claimed))
                    : new SigningText("时间不详");
            return new SigningText("{0}于{1}盖章。", who, time);
        }
    }

    /// <summary>The time on Beijing's clock; templates format it (<c>{0:yyyy年M月d日 HH:mm:ss}</c>).</summary>
    internal static DateTimeOffset Beijing(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(8));
}

/// <summary>The verification of an uploaded PDF, for the public verification page.</summary>
public sealed record PdfVerificationReport
{
    public IReadOnlyList<SignatureReport> Signatures { get; init; } = [];

    /// <summary>Bytes after the end of the last signature's range.</summary>
    public long BytesAfterLastSignature { get; init; }

    /// <summary>The file could not be read as a PDF (why); then no signature is reported.</summary>
    public SigningText? Problem { get; init; }

    public bool ChangedAfterLastSignature => BytesAfterLastSignature > 0 || Signatures.Any(s => s.ChangedAfterSigning);

    public bool AllValid => Problem is null && Signatures.Count > 0 && Signatures.All(s => s.IsValid) && !ChangedAfterLastSignature;

    public SigningText Verdict => Problem is not null ? new SigningText("无法验证")
        : Signatures.Count == 0 ? new SigningText("未发现电子签章")
        : AllValid ? SignatureReport.Valid : SignatureReport.Invalid;

    /// <summary>The report in Chinese, one sentence per line (logs and tests; the page translates each part).</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            if (Problem is not null)
            {
                return [Problem.ToString()];
            }
            if (Signatures.Count == 0)
            {
                return ["该文件不含电子签章。"];
            }
            var lines = new List<string>();
            foreach (var signature in Signatures)
            {
                lines.Add($"{signature.FieldName}：{signature.Verdict}。{signature.Summary}");
                lines.AddRange(signature.Problems.Select(p => "  " + p));
            }
            lines.Add(ChangedAfterLastSignature ? "盖章后文件被改动过。" : "盖章后文件未被改动。");
            if (Signatures.Any(s => s.IsGuomi))
            {
                lines.Add("签章使用国密算法（SM2/SM3），通用 PDF 阅读器无法验证，以本平台的验证结果为准。");
            }
            return lines;
        }
    }
}
