using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Documents;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Filings;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;
using AgreementPdfRenderer = YiyangPortal.Documents.AgreementPdfRenderer;
using AuditCertificateModel = YiyangPortal.Documents.AuditCertificateModel;
using AuditCertificateSection = YiyangPortal.Documents.AuditCertificateSection;

namespace YiyangPortal.Web.Features.Seals;

/// <summary>
/// 出证 (issue 14): the evidence package of a sealed agreement as one ZIP — the executed original (sealed by both
/// parties), an audit certificate PDF (every event, who, from which address, when, and the hashes), the audit chain
/// as JSON, and the certificates (each seal's chain, PEM and DER). For the two parties and the regulators who
/// received its filings (<see cref="EvidenceAuthorizationHandler"/>); anyone else gets 404, like an agreement that does not exist.
/// </summary>
[Authorize]
[Route("agreements/{id:guid}/evidence.zip")]
public sealed class EvidenceController(
    PortalDbContext db, SealAuthority seals, AgreementPdfRenderer renderer, IAuthorizationService authorization) : PortalController
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [HttpGet("")]
    public async Task<IActionResult> Download(Guid id)
    {
        var agreement = await db.Agreements.AsNoTracking().Include(a => a.SignatureHistory).SingleOrDefaultAsync(a => a.Id == id);
        if (agreement is null || !(await authorization.AuthorizeAsync(User, agreement, EvidenceRequirement.Download)).Succeeded) { return NotFound(); }
        var documents = await db.AgreementDocuments.AsNoTracking().Where(d => d.AgreementId == id).OrderBy(d => d.CreatedAtUtc).ToListAsync();
        var executed = documents.LastOrDefault(d => d.Kind == AgreementDocumentKind.Executed);
        if (executed is null) { return NotFound(); }

        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.AgreementId == id).OrderBy(e => e.Sequence).ToListAsync();
        var uses = await db.SealUses.AsNoTracking().Where(u => u.AgreementId == id).OrderBy(u => u.UsedAtUtc).ToListAsync();
        var actorIds = audit.Select(e => e.ActorUserId).OfType<Guid>().Concat(uses.Select(u => u.UserId)).Distinct().ToList();
        var actors = await db.Users.Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var elderCare = await db.ElderCareInstitutions.Where(i => i.Id == agreement.ElderCareInstitutionId).Select(i => i.Name).SingleAsync();
        var medical = await db.MedicalInstitutions.Where(i => i.Id == agreement.MedicalInstitutionId).Select(i => i.Name).SingleAsync();

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, $"{agreement.DocumentNumber}-签署件.pdf", executed.Content);
            Add(archive, "审计证书.pdf", renderer.RenderAuditCertificate(
                Certificate(agreement, elderCare, medical, documents, audit, uses, actors)));
            Add(archive, "审计链.json", JsonSerializer.SerializeToUtf8Bytes(audit.Select(e => new
            {
                e.Sequence,
                OccurredAt = e.OccurredAtUtc,
                Actor = e.ActorUserId is { } a ? actors.GetValueOrDefault(a) : null,
                e.Action,
                e.Details,
                e.PreviousHash,
                e.KeyId,
                e.Hash,
            }), Indented));
            foreach (var use in uses.DistinctBy(u => u.SealId))
            {
                var seal = await db.InstitutionSeals.AsNoTracking().SingleAsync(s => s.Id == use.SealId);
                var chain = await seals.ChainAsync(seal.KeyId);
                if (use.CertificateSerial != seal.CertificateSerial && await seals.IssuedCertificateAsync(use.CertificateSerial) is { } used)
                {
                    // The seal was reissued since (吊销并重新签发): the package carries the certificate that sealed this copy.
                    chain = [used, .. chain.Skip(1)];
                }

                var who = use.Party == AgreementParty.ElderCare ? "甲方" : "乙方";
                Add(archive, $"证书/{who}印章证书链.pem", Encoding.ASCII.GetBytes(string.Concat(chain.Select(Pem))));
                Add(archive, $"证书/{who}印章证书.cer", chain[0]);
                Add(archive, "证书/根证书.cer", chain[^1]);
            }

            Add(archive, "说明.txt", Encoding.UTF8.GetBytes(Readme(agreement.DocumentNumber, executed.Sha256)));
        }

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName($"{agreement.DocumentNumber}-出证.zip");
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(zip.ToArray(), "application/zip");
    }

    private static AuditCertificateModel Certificate(
        Agreement agreement, string elderCare, string medical, List<AgreementDocument> documents,
        List<Domain.Auditing.AuditEntry> audit, List<Domain.Seals.SealUse> uses, Dictionary<Guid, string> actors)
    {
        var sections = new List<AuditCertificateSection>
        {
            new("一、协议", [
                $"协议编号：{agreement.DocumentNumber}",
                $"甲方（养老机构）：{elderCare}",
                $"乙方（医疗卫生机构）：{medical}",
                $"有效期：{agreement.Terms.Term?.ToString() ?? "—"}",
                $"双方签署完成时间：{(agreement.EffectiveAtUtc is { } at ? BeijingTime.FormatChineseDateTime(at) : "—")}",
                .. documents.Select(d => $"{Kind(d.Kind)}（{BeijingTime.FormatChineseDateTime(d.CreatedAtUtc)}）SHA-256：{d.Sha256}"),
            ]),
            new("二、签署", agreement.SignatureHistory.OrderBy(s => s.SignedAtUtc).Select(s =>
                $"{(s.Party == AgreementParty.ElderCare ? "甲方" : "乙方")}：{s.SignerName}（{s.SignerTitle}），{BeijingTime.FormatChineseDateTime(s.SignedAtUtc)}，" +
                $"IP 地址 {s.ClientIp}，确认文本 SHA-256：{s.DocumentSha256}").ToList()),
            new("三、电子签章（用印记录）", uses.Select(u =>
                $"{(u.Party == AgreementParty.ElderCare ? elderCare : medical)}：{u.SignerName} 用印，{BeijingTime.FormatChineseDateTime(u.UsedAtUtc)}，" +
                $"证书序列号 {u.CertificateSerial}，签章后文件 SHA-256：{u.SealedSha256}").ToList()),
            new("四、办理记录（审计链）", audit.Select(e =>
                $"#{e.Sequence} {BeijingTime.FormatChineseDateTime(e.OccurredAtUtc)} {e.Action}" +
                $"{(e.ActorUserId is { } a && actors.TryGetValue(a, out var name) ? "，" + name : string.Empty)}：{e.Details}（哈希 {e.Hash}）").ToList()),
            new("五、核验", [
                "本证书由医养签约服务门户生成。签署件中的两个电子签章可用本市根证书在 PDF 阅读器或本平台“协议核验”页验证；",
                "审计链每条记录的哈希包含前一条记录的哈希，任何改动都会使其后的哈希不符。",
            ]),
        };
        return new AuditCertificateModel(agreement.DocumentNumber, "签署审计证书", sections);
    }

    private static string Kind(AgreementDocumentKind kind) => kind switch
    {
        AgreementDocumentKind.ForSignature => "双方确认的协议文本",
        AgreementDocumentKind.SealedOnce => "第一方签章后的文件",
        _ => "签署件（双方签章）",
    };

    private static string Pem(byte[] der) => new string(PemEncoding.Write("CERTIFICATE", der)) + "\n";

    private static string Readme(string number, string sha256) => $"""
        协议 {number} 出证材料

        {number}-签署件.pdf  双方加盖电子印章的签署件（SHA-256：{sha256}）
        审计证书.pdf        全部办理事件、签署人、IP 地址、时间和哈希
        审计链.json         审计链原始记录（每条记录的哈希链接前一条）
        证书/               双方印章证书链（PEM、DER）和本市根证书
        """;

    private static void Add(ZipArchive archive, string name, byte[] content)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(content);
    }
}
