using System.Net;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Agreements;

/// <summary>Signing in either order: the first signature → 部分签署, the second → 已生效.</summary>
public sealed partial class Agreement
{
    /// <param name="samePair">The other agreements of the same 甲方 and 乙方: the second signature checks that none is in
    /// force on any day of this one's term (ADR 052), and a 附件2 续签 starts after its original.</param>
    public void Sign(
        AgreementActor by, string signerName, string signerTitle, string clientIp, string documentSha256, IReadOnlyCollection<Agreement> samePair)
    {
        by.EnsureKnown();
        Machine.EnsureCanFire(Trigger.Sign);
        var signature = new AgreementSignature(
            by.Party, by.UserId, Required(signerName, "签署人姓名"), Required(signerTitle, "签署人职务"), by.AtUtc,
            NormalizeIp(clientIp), NormalizeSha256(documentSha256), ReturnCount);
        CheckSignature(signature);

        var completes = CurrentSignatures.Exists(s => s.Party != signature.Party);
        var term = completes && Template == AgreementTemplate.ProjectCooperation && !IsSupplement
            ? SignedProjectTerm(BeijingTime.DateOf(by.AtUtc), samePair)
            : Terms.Term;
        if (completes && TermOverlap(term, samePair) is { } overlap)
        {
            throw new DomainException(overlap.Text);
        }

        _signatures.Add(signature);
        Machine.Fire(Trigger.Sign);
        Record(by, AgreementEventKind.Signed, null, null, $"{signature.SignerName}（{signature.SignerTitle}）", null);
        if (Status == AgreementStatus.Effective)
        {
            BecomeEffective(by, term);
        }
    }

    private void CheckSignature(AgreementSignature signature)
    {
        var current = CurrentSignatures;
        if (current.Exists(s => s.Party == signature.Party))
        {
            throw new DomainException("{0}已签署，不能重复签署。", new DomainMessage(signature.Party.ToChinese()));
        }

        // Both parties must have signed the very same document, or neither copy proves the agreed content.
        if (current.Exists(s => s.DocumentSha256 != signature.DocumentSha256))
        {
            throw new DomainException("双方签署的协议文件不一致，请重新生成协议文件后签署。");
        }

        // 附件1 一、二: the clause and the schedule must print the same number, or the signed text contradicts itself.
        if (ClauseMismatches().FirstOrDefault() is { } mismatch)
        {
            throw new DomainException("协议条款与服务项目表不一致，不能签署：{0}请退回修改。", mismatch.Text);
        }

        if (Terms.Term?.To is { } end && BeijingTime.DateOf(signature.SignedAtUtc) > end)
        {
            throw new DomainException("协议有效期已过，不能签署；请修改有效期后重新提交。");
        }
    }

    private void BecomeEffective(AgreementActor by, ValidityPeriod? term)
    {
        EffectiveAtUtc = by.AtUtc;

        // 附件2 三、3: 本协议自签字之日起生效，有效期一年 — a year counted as the Civil Code counts it (第二百零一、二百零二条):
        // signed 2026-03-02 it ends 2027-03-02; signed 2028-02-29, on 2029-02-28 (a 续签 from the day after its original).
        Terms = Terms with { Term = term };

        Record(by, AgreementEventKind.BecameEffective, null, null, Terms.Term?.ToString(), null);
    }

    /// <summary>Signer's name and title: required, and no longer than their columns (30).</summary>
    private static string Required(string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException("请填写{0}。", new DomainMessage(what));
        }

        var trimmed = value.Trim();
        return trimmed.Length <= 30 ? trimmed : throw new DomainException("{0}不能超过 30 个字。", new DomainMessage(what));
    }

    private static string NormalizeIp(string clientIp) =>
        IPAddress.TryParse(clientIp?.Trim(), out var ip)
            ? ip.ToString()
            : throw new DomainException("无法识别签署人的 IP 地址。");

    private static string NormalizeSha256(string sha256)
    {
        var hex = sha256?.Trim().ToLowerInvariant() ?? string.Empty;
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigitLower)
            ? hex
            : throw new DomainException("协议文件摘要（SHA-256）格式不正确。");
    }
}
