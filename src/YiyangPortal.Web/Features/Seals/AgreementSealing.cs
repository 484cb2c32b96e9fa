using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Documents;
using YiyangPortal.Domain.Seals;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Signing;
using YiyangPortal.Signing.Keys;
using YiyangPortal.Signing.Pades;
using YiyangPortal.Signing.Pdf;
using YiyangPortal.Signing.Timestamping;
using Formatting = YiyangPortal.Documents.Formatting;

namespace YiyangPortal.Web.Features.Seals;

/// <summary>
/// Applies a party's institution seal when its representative signs (issue 14, ADR 017): only a user holding the
/// institution's 用印 right; the first seal on the stored text both parties confirmed, the second on the bytes the
/// first produced (an incremental update, so the first stays valid and the second covers the whole file, which is
/// the executed original). The seal's appearance shows the seal image and, in the room the text kept free, who
/// signed in which capacity and when (issue 10). Every use goes into the ledger. Everything is only added to the
/// unit of work: the caller's save commits it with the signature, and any failure refuses the signature with a
/// Chinese message (<see cref="DomainException"/>) before anything is written.
/// </summary>
public sealed class AgreementSealing(
    PortalDbContext db, SealAuthority authority, SealAppearances appearances, SealCaptionPainter captions)
{
    public const string NotAuthorisedMessage = "您没有本机构的用印权限，不能加盖本机构电子印章，签署未完成。请联系本机构印章管理人在“本机构印章”页授权。";

    public async Task<AgreementDocument> SealAsync(Agreement agreement, AgreementSignature signature, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(signature);
        var party = signature.Party;
        var institutionId = party == AgreementParty.ElderCare ? agreement.ElderCareInstitutionId : agreement.MedicalInstitutionId;
        if (!await db.SealHolders.AnyAsync(h => h.UserId == signature.UserId && h.Party == party && h.InstitutionId == institutionId))
        {
            throw new DomainException(NotAuthorisedMessage);
        }

        var text = await StoredAsync(agreement.Id, signature.DocumentSha256, AgreementDocumentKind.ForSignature)
            ?? throw new DomainException("找不到双方确认的协议文本，未签章。请刷新页面后重新签署。");
        var (input, expected) = await InputAsync(agreement, signature, text);
        var seal = await authority.EnsureSealAsync(party, institutionId, clock);
        var spot = Spot(text, party);
        var caption = spot.CaptionRectangle is { } area
            ? captions.Paint(
                [$"电子签署：{signature.SignerName}（{signature.SignerTitle}）", $"签署时间：{Formatting.ChineseDateTime(signature.SignedAtUtc)}"],
                area)
            : null;
        var (name, _) = await authority.InstitutionAsync(party, institutionId);
        var placement = new SealPlacement(
            seal.KeyId, appearances.For(seal), spot.Page, spot.SealRectangle, party == AgreementParty.ElderCare ? "甲方签章" : "乙方签章",
            name, "签约盖章", null, $"{signature.SignerName}（{signature.SignerTitle}）", caption);

        byte[] sealedBytes;
        try
        {
            var signer = new PadesSigner(authority.Keys, await authority.TimestampsAsync(clock), clock);
            sealedBytes = await signer.SignAsync(input, placement, expected);
        }
        catch (SigningException e) when (e is SealUnavailableException or DocumentChangedException or UnsupportedPdfException)
        {
            throw new DomainException("电子签章未完成，签署没有保存：{0}", e.Text());
        }
        catch (TimestampException e)
        {
            throw new DomainException("电子签章未完成，签署没有保存：时间戳服务暂时不可用（{0}）。请稍后再签署。", e.Text());
        }

        var kind = agreement.Signatures.Count == 2 ? AgreementDocumentKind.Executed : AgreementDocumentKind.SealedOnce;
        var document = new AgreementDocument(agreement.TenantId, agreement.Id, kind, sealedBytes, signature.SignedAtUtc);
        db.AgreementDocuments.Add(document);
        db.SealUses.Add(new SealUse(
            seal, signature.UserId, $"{signature.SignerName}（{signature.SignerTitle}）", clock.GetUtcNow(), agreement.Id,
            agreement.DocumentNumber, signature.DocumentSha256, document.Sha256));
        return document;
    }

    // The first seal goes on the confirmed text; the second on the file the other party's seal produced, which must
    // begin with exactly that text (an incremental update only appends).
    private async Task<(byte[] Input, byte[] Expected)> InputAsync(Agreement agreement, AgreementSignature signature, AgreementDocument text)
    {
        var confirmed = Convert.FromHexString(signature.DocumentSha256);
        var earlier = db.SealUses.Local.Where(u => u.AgreementId == agreement.Id && u.ConfirmedSha256 == signature.DocumentSha256 && u.Party != signature.Party)
            .Concat(await db.SealUses.AsNoTracking()
                .Where(u => u.AgreementId == agreement.Id && u.ConfirmedSha256 == signature.DocumentSha256 && u.Party != signature.Party)
                .ToListAsync())
            .OrderByDescending(u => u.UsedAtUtc).FirstOrDefault();
        if (earlier is null)
        {
            return (text.Content, confirmed);
        }

        var sealedOnce = await StoredAsync(agreement.Id, earlier.SealedSha256, null)
            ?? throw new DomainException("找不到对方已签章的协议文件，未签章。");
        if (sealedOnce.Content.Length < text.Content.Length
            || !SHA256.HashData(sealedOnce.Content.AsSpan(0, text.Content.Length)).AsSpan().SequenceEqual(confirmed))
        {
            throw new DomainException("对方签章后的文件与双方确认的文本不一致，未签章。");
        }

        return (sealedOnce.Content, Convert.FromHexString(earlier.SealedSha256));
    }

    private async Task<AgreementDocument?> StoredAsync(Guid agreementId, string sha256, AgreementDocumentKind? kind) =>
        db.AgreementDocuments.Local.FirstOrDefault(d => d.AgreementId == agreementId && d.Sha256 == sha256 && (kind == null || d.Kind == kind))
        ?? await db.AgreementDocuments.AsNoTracking()
            .FirstOrDefaultAsync(d => d.AgreementId == agreementId && d.Sha256 == sha256 && (kind == null || d.Kind == kind));

    // The layout stored with the text (a text stored before seals existed has none: it is returned and made again).
    private static SealSpot Spot(AgreementDocument text, AgreementParty party)
    {
        var layout = SealLayout.FromJson(text.SealLayout)
            ?? throw new DomainException("该协议文本生成于电子签章启用之前，无法定位签章位置。请退回后重新生成协议文本再签署。");
        return party == AgreementParty.ElderCare ? layout.ElderCare : layout.Medical;
    }
}
