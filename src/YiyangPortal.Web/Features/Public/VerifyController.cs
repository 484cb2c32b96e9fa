using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Documents;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Signing;
using YiyangPortal.Signing.Verification;
using YiyangPortal.Web.Features.Seals;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Public;

public sealed record VerifiedDocument(AgreementDocumentKind Kind, string Sha256, DateTimeOffset CreatedAtUtc);

public sealed record VerifyPage(
    string? Number, string? ElderCare, string? Medical, string? Status, DateTimeOffset? EffectiveAtUtc,
    IReadOnlyList<VerifiedDocument> Documents, string? UploadedSha256, bool? Matches, string? Error)
{
    /// <summary>
    /// The term the agreement is in force for: the day both signed (<see cref="EffectiveAtUtc"/>) is not the day it
    /// takes effect when the term starts later (已签署·待生效).
    /// </summary>
    public ValidityPeriod? Term { get; init; }

    /// <summary>The cryptographic check of the uploaded file (issue 14), when one was uploaded.</summary>
    public PdfVerificationReport? Seals { get; init; }

    /// <summary>Whether the seals found are exactly the two parties' of this agreement (null: nothing uploaded).</summary>
    public bool? SealedByTheParties { get; init; }
}

/// <summary>
/// 协议核验 (the PDF's QR code leads here): by document number, the parties, the state and the SHA-256 of the stored
/// PDFs; a visitor may upload a PDF and learn whether it is byte for byte a document on record, and what its
/// electronic seals say when checked cryptographically against the city's root certificate and revocation lists
/// (issue 14): valid or not, who sealed, when, whether anything changed after sealing. The root certificate and the
/// revocation lists written into the certificates are published here. Nothing personal is shown, and the upload is
/// checked in memory, never stored.
/// </summary>
[AllowAnonymous]
[Route("verify")]
public sealed class VerifyController(PortalDbContext db, SealAuthority seals, TimeProvider clock) : PortalController
{
    private const string ViewPath = "~/Features/Public/Verify.cshtml";
    private const int MaxUploadBytes = 20 * 1024 * 1024;

    // 2020 guide 八 (confidentiality), 九(三) (only agreements in force are disclosed): a number still in negotiation
    // answers exactly like a number that does not exist, so sequential numbers reveal nothing.
    private static readonly AgreementStatus[] InForceOrWas = [AgreementStatus.Effective, AgreementStatus.Expired, AgreementStatus.Terminated];

    [HttpGet("")]
    [EnableRateLimiting(RateLimitOptions.VerifyLookupPolicy)]
    public IActionResult Index(string? number) =>
        string.IsNullOrWhiteSpace(number) ? View(ViewPath, Blank(null, null)) : RedirectToAction(nameof(Document), new { number = Typed(number) });

    /// <summary>A number as a Chinese input method may type it (３３０６０２－２０２６－００００１６) reads as the printed one.</summary>
    private static string Typed(string number) => number.Normalize(System.Text.NormalizationForm.FormKC).Trim();

    [HttpGet("{number}")]
    [EnableRateLimiting(RateLimitOptions.VerifyLookupPolicy)]
    public async Task<IActionResult> Document(string number) => await PageAsync(Typed(number), null, null) is { } page ? View(ViewPath, page) : NotFoundPage(number);

    [HttpPost("{number}")]
    [EnableRateLimiting(RateLimitOptions.VerifyUploadPolicy)]
    [RequestSizeLimit(MaxUploadBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes + 64 * 1024)]
    public async Task<IActionResult> Check(string number, IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            return await PageAsync(number, null, "请选择要核验的 PDF 文件。") is { } empty ? View(ViewPath, empty) : NotFoundPage(number);
        }

        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        if (await PageAsync(number, AgreementDocument.HashOf(bytes), null) is not { } page)
        {
            return NotFoundPage(number);
        }

        var trust = await seals.TrustAsync(clock);
        var report = trust is null
            ? new PdfVerificationReport { Problem = new SigningText("本市尚未启用电子签章，无法验证签章。") }
            : new PdfSignatureVerifier(clock).Verify(bytes, trust);
        var sealers = report.Signatures.Select(s => s.SignerName).ToHashSet();
        return View(ViewPath, page with
        {
            Seals = report,
            SealedByTheParties = sealers.SetEquals([page.ElderCare, page.Medical]),
        });
    }

    /// <summary>The city's root certificate (DER), to trust in a PDF reader; 404 before the city's first seal.</summary>
    [HttpGet("root.cer")]
    [EnableRateLimiting(RateLimitOptions.VerifyLookupPolicy)]
    public async Task<IActionResult> RootCertificate() =>
        await seals.RootCertificateAsync() is { } der ? File(der, "application/pkix-cert", "root.cer") : NotFound();

    /// <summary>The revocation lists (DER) at the addresses written into the certificates: root or issuing authority.</summary>
    [HttpGet("crl/{authority:regex(^(root|issuing)$)}.crl")]
    [EnableRateLimiting(RateLimitOptions.VerifyLookupPolicy)]
    public async Task<IActionResult> RevocationList(string authority) =>
        await seals.CrlAsync(authority == "root", clock) is { } crl ? File(crl, "application/pkix-crl") : NotFound();

    private ViewResult NotFoundPage(string number)
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View(ViewPath, Blank(number, "未找到该编号的协议，请核对协议编号。"));
    }

    private static VerifyPage Blank(string? number, string? error) => new(number, null, null, null, null, [], null, null, error);

    private async Task<VerifyPage?> PageAsync(string number, string? uploadedSha, string? error)
    {
        var found = await (from a in db.Agreements.AsNoTracking()
                           join e in db.ElderCareInstitutions on a.ElderCareInstitutionId equals e.Id
                           join m in db.MedicalInstitutions on a.MedicalInstitutionId equals m.Id
                           where a.DocumentNumber == number && InForceOrWas.Contains(a.Status)
                           select new { a.Id, a.DocumentNumber, ElderCare = e.Name, Medical = m.Name, a.Status, a.Terms, a.EffectiveAtUtc }).SingleOrDefaultAsync();
        if (found is null) { return null; }
        var documents = await db.AgreementDocuments.AsNoTracking().Where(d => d.AgreementId == found.Id).OrderBy(d => d.Kind)
            .Select(d => new VerifiedDocument(d.Kind, d.Sha256, d.CreatedAtUtc)).ToListAsync();
        bool? matches = uploadedSha is null ? null : documents.Exists(d => d.Sha256 == uploadedSha);
        var status = found.Status.ToChinese(found.Terms.Term?.From, BeijingTime.Today(clock.GetUtcNow()));
        return new VerifyPage(found.DocumentNumber, found.ElderCare, found.Medical, status, found.EffectiveAtUtc, documents, uploadedSha, matches, error)
        {
            Term = found.Terms.Term,
        };
    }
}
