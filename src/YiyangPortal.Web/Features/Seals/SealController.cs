using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Seals;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Signing.SealImages;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Seals;

public sealed record SealUserRow(Guid Id, string DisplayName, string Email, bool Holds, bool IsMe);

public sealed record SealUseRow(DateTimeOffset At, string Signer, string DocumentNumber, Guid AgreementId, string ConfirmedSha256, string SealedSha256);

public sealed record SealPage(
    string InstitutionName, InstitutionSeal Seal, bool CanManage, IReadOnlyList<SealUserRow> Users, IReadOnlyList<SealUseRow> Uses);

/// <summary>
/// 本机构印章 (issue 14): the institution's electronic seal — its image, its certificate (subject, serial,
/// validity) — and the ledger of its uses, for every account of the institution. Its seal keepers (accounts holding
/// the 用印 right; the institution's first account holds it from the start) may upload a scanned seal, draw the
/// round seal again, and grant or withdraw the right for their colleagues. The institution is always the user's own.
/// </summary>
[Authorize(Policy = PortalPolicies.AgreementParties)]
[Route("seal")]
public sealed class SealController(PortalDbContext db, SealAuthority authority, TimeProvider clock) : PortalController
{
    private const string ViewPath = "~/Features/Seals/Index.cshtml";
    private const int LedgerRows = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (Institution() is not { } institution) { return NotFound(); }
        return View(ViewPath, await PageAsync(institution));
    }

    [HttpGet("image.png")]
    public async Task<IActionResult> Image()
    {
        if (Institution() is not { } institution) { return NotFound(); }
        var seal = await SealAsync(institution);
        return File(seal.Image, "image/png");
    }

    /// <summary>The seal's certificate chain as PEM (seal, issuing authority, root).</summary>
    [HttpGet("certificate.pem")]
    public async Task<IActionResult> Certificate()
    {
        if (Institution() is not { } institution) { return NotFound(); }
        var seal = await SealAsync(institution);
        var pem = string.Concat((await authority.ChainAsync(seal.KeyId)).Select(der =>
            new string(System.Security.Cryptography.PemEncoding.Write("CERTIFICATE", der)) + "\n"));
        return File(System.Text.Encoding.ASCII.GetBytes(pem), "application/x-pem-file", "seal-certificate.pem");
    }

    [HttpPost("image")]
    [RequestSizeLimit(SealImageValidator.MaxBytes + (64 * 1024))]
    [RequestFormLimits(MultipartBodyLengthLimit = SealImageValidator.MaxBytes + (64 * 1024))]
    public async Task<IActionResult> Upload(IFormFile? file)
    {
        if (Institution() is not { } institution) { return NotFound(); }
        if (!await CanManageAsync(institution)) { return StatusCode(StatusCodes.Status403Forbidden); }
        byte[] png;
        try
        {
            await using var stream = file?.OpenReadStream() ?? Stream.Null;
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            png = SealImageValidator.Normalize(buffer.ToArray());
        }
        catch (SealImageException e)
        {
            ModelState.AddModelError("file", L.Message(e.Text()));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(ViewPath, await PageAsync(institution));
        }

        var seal = await SealAsync(institution);
        seal.ReplaceImage(png, SealImageSource.Uploaded, clock.GetUtcNow());
        await db.SaveChangesAsync();
        Flash(L["已更换印章图片，今后的签章使用新图片。"]);
        return Redirect("~/seal");
    }

    [HttpPost("image/drawn")]
    public async Task<IActionResult> Redraw()
    {
        if (Institution() is not { } institution) { return NotFound(); }
        if (!await CanManageAsync(institution)) { return StatusCode(StatusCodes.Status403Forbidden); }
        var seal = await SealAsync(institution);
        var (name, creditCode) = await authority.InstitutionAsync(institution.Party, institution.InstitutionId);
        try
        {
            seal.ReplaceImage(authority.DrawnImage(name, creditCode), SealImageSource.Drawn, clock.GetUtcNow());
        }
        catch (SealImageException e)
        {
            // A character of the name the seal font lacks (生僻字): the keeper uploads a scan instead.
            ModelState.AddModelError("file", L.Message(e.Text()));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(ViewPath, await PageAsync(institution));
        }

        await db.SaveChangesAsync();
        Flash(L["已按机构名称重新生成圆形印章图片。"]);
        return Redirect("~/seal");
    }

    /// <summary>
    /// 吊销并重新签发 (issue 14): a seal keeper revokes the seal's certificate with a reason — e.g. the key may have
    /// leaked, or the institution was renamed — and the portal issues a new one at once; seals applied before stay
    /// valid (their time stamps predate the revocation), later ones use the new certificate.
    /// </summary>
    [HttpPost("revoke")]
    public async Task<IActionResult> Revoke(string? reason, bool confirmed = false)
    {
        if (Institution() is not { } institution) { return NotFound(); }
        if (!await CanManageAsync(institution)) { return StatusCode(StatusCodes.Status403Forbidden); }
        var seal = await SealAsync(institution);
        string old;
        try
        {
            if (!confirmed)
            {
                throw new DomainException("请勾选确认：吊销后原证书不能再用于签章。");
            }

            old = await authority.RevokeAndReissueAsync(seal, reason ?? string.Empty, clock);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("reason", L.Message(e));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(ViewPath, await PageAsync(institution));
        }

        await db.SaveChangesAsync();
        Flash(L["已吊销原证书（序列号 {0}）并签发新证书。此前加盖的签章仍然有效，今后签章使用新证书。", old]);
        return Redirect("~/seal");
    }

    [HttpPost("holders/{userId:guid}")]
    public async Task<IActionResult> Grant(Guid userId, bool holds)
    {
        if (Institution() is not { } institution) { return NotFound(); }
        if (!await CanManageAsync(institution)) { return StatusCode(StatusCodes.Status403Forbidden); }
        var colleague = await Colleagues(institution).SingleOrDefaultAsync(u => u.Id == userId);
        if (colleague is null) { return NotFound(); }
        if (holds)
        {
            await SealRights.GrantAsync(db, colleague, Me.Id, clock.GetUtcNow());
            Flash(L["已授予 {0} 用印权限。", colleague.DisplayName]);
        }
        else if (colleague.Id == Me.Id)
        {
            FlashError(L["不能撤销自己的用印权限；请由本机构其他印章管理人撤销。"]);
            return Redirect("~/seal#holders");
        }
        else
        {
            db.SealHolders.RemoveRange(await db.SealHolders.Where(h => h.UserId == userId).ToListAsync());
            Flash(L["已撤销 {0} 的用印权限。", colleague.DisplayName]);
        }

        await db.SaveChangesAsync();
        return Redirect("~/seal#holders");
    }

    private (AgreementParty Party, Guid InstitutionId)? Institution() =>
        SealRights.InstitutionOf(Me.Role, Me.ElderCareInstitutionId, Me.MedicalInstitutionId);

    private Task<bool> CanManageAsync((AgreementParty Party, Guid InstitutionId) institution) =>
        SealRights.HoldsAsync(db, Me.Id, institution.Party, institution.InstitutionId);

    private IQueryable<Infrastructure.Identity.PortalUser> Colleagues((AgreementParty Party, Guid InstitutionId) institution) =>
        institution.Party == AgreementParty.ElderCare
            ? db.Users.Where(u => u.Role == PortalRole.ElderCareStaff && u.ElderCareInstitutionId == institution.InstitutionId)
            : db.Users.Where(u => u.Role == PortalRole.MedicalAdmin && u.MedicalInstitutionId == institution.InstitutionId);

    // The seal is made on first need: the first visit of this page, or the institution's first signature.
    private async Task<InstitutionSeal> SealAsync((AgreementParty Party, Guid InstitutionId) institution)
    {
        var seal = await authority.EnsureSealAsync(institution.Party, institution.InstitutionId, clock);
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync();
        }

        return seal;
    }

    private async Task<SealPage> PageAsync((AgreementParty Party, Guid InstitutionId) institution)
    {
        var seal = await SealAsync(institution);
        var (name, _) = await authority.InstitutionAsync(institution.Party, institution.InstitutionId);
        var holders = await db.SealHolders.Where(h => h.Party == institution.Party && h.InstitutionId == institution.InstitutionId)
            .Select(h => h.UserId).ToListAsync();
        var users = await Colleagues(institution).OrderBy(u => u.CreatedAt).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync();
        var uses = await db.SealUses.AsNoTracking().Where(u => u.SealId == seal.Id).OrderByDescending(u => u.UsedAtUtc).Take(LedgerRows)
            .Select(u => new SealUseRow(u.UsedAtUtc, u.SignerName, u.DocumentNumber, u.AgreementId, u.ConfirmedSha256, u.SealedSha256))
            .ToListAsync();
        return new SealPage(
            name, seal, holders.Contains(Me.Id),
            users.Select(u => new SealUserRow(u.Id, u.DisplayName, u.Email ?? string.Empty, holders.Contains(u.Id), u.Id == Me.Id)).ToList(),
            uses);
    }
}
