using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Documents;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Institutions;
using YiyangPortal.Web.Features.Shared;
using YiyangPortal.Web.Security;
using YiyangPortal.Web.Validation;

namespace YiyangPortal.Web.Features.Profile;

/// <summary>What an institution's own staff may change: contact, and for 养老服务机构 the bed and resident numbers.</summary>
public sealed class ProfileForm : InstitutionForm
{
    public int? Beds { get; set; }

    public int? Residents { get; set; }
}

public sealed class ProfileFormValidator : AbstractValidator<ProfileForm>
{
    public ProfileFormValidator(AgreementPdfRenderer printer)
    {
        InstitutionFormRules.ContactRules(this, printer);
        RuleFor(f => f.Beds).InclusiveBetween(0, ElderCareFormValidator.MaxBeds).WithMessage(new DomainMessage("床位数应在 0 到 {0} 之间。", ElderCareFormValidator.MaxBeds));
        RuleFor(f => f.Residents).InclusiveBetween(0, ElderCareFormValidator.MaxBeds).WithMessage(new DomainMessage("在住人数应在 0 到 {0} 之间。", ElderCareFormValidator.MaxBeds));
    }
}

public sealed record ProfilePage(string Name, string KindLabel, string Registration, string? CreditCode, bool IsElderCare, ProfileForm Form, IReadOnlyList<ChangeView> History);

/// <summary>
/// 本机构信息: the institution is the one bound to the signed-in user, never an id from the URL. Identity and
/// qualifications stay with the tenant admin (docs/decisions/009-institution-records.md).
/// </summary>
[Authorize(Policy = PortalPolicies.AgreementParties)]
[Route("profile")]
public sealed class ProfileController(PortalDbContext db) : PortalController
{
    private const string View_ = "~/Features/Profile/Index.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (Me.ElderCareInstitutionId is { } elderId && await db.ElderCareInstitutions.FindAsync(elderId) is { } home)
        {
            var form = new ProfileForm { Beds = home.Beds, Residents = home.Residents };
            Fill(form, home.Contact);
            return View(View_, await ElderCarePageAsync(home, form));
        }

        if (Me.MedicalInstitutionId is { } medicalId && await db.MedicalInstitutions.FindAsync(medicalId) is { } clinic)
        {
            var form = new ProfileForm();
            Fill(form, clinic.Contact);
            return View(View_, await MedicalPageAsync(clinic, form));
        }

        return NotFound();
    }

    [HttpPost("")]
    public async Task<IActionResult> Update(ProfileForm form)
    {
        if (Me.ElderCareInstitutionId is { } elderId && await db.ElderCareInstitutions.FindAsync(elderId) is { } home)
        {
            if (form.Beds is null) { ModelState.AddModelError(nameof(form.Beds), L["请填写床位数。"]); }
            if (form.Residents is null) { ModelState.AddModelError(nameof(form.Residents), L["请填写在住人数。"]); }
            if (!ModelState.IsValid || ModelState.TryApply(L, () => { home.UpdateProfile(form.Contact(), form.Beds!.Value, form.Residents!.Value); return home; }) is null)
            {
                return View(View_, await ElderCarePageAsync(home, form));
            }
        }
        else if (Me.MedicalInstitutionId is { } medicalId && await db.MedicalInstitutions.FindAsync(medicalId) is { } clinic)
        {
            if (!ModelState.IsValid || ModelState.TryApply(L, () => { clinic.UpdateProfile(form.Contact()); return clinic; }) is null)
            {
                return View(View_, await MedicalPageAsync(clinic, form));
            }
        }
        else
        {
            return NotFound();
        }

        await db.SaveChangesAsync();
        Flash(L["本机构信息已保存。"]);
        return RedirectToAction(nameof(Index));
    }

    private static void Fill(ProfileForm form, InstitutionContact contact)
    {
        form.Address = contact.Address;
        form.LegalRepresentative = contact.LegalRepresentative;
        form.ContactPerson = contact.ContactPerson;
        form.ContactPhone = contact.ContactPhone;
    }

    private async Task<ProfilePage> ElderCarePageAsync(ElderCareInstitution i, ProfileForm form) => new(
        i.Name, Labels.Of(i.Kind), i.RegistrationNumber, i.CreditCode, true, form,
        await ChangeHistory.ForAsync(db, nameof(ElderCareInstitution), i.Id));

    private async Task<ProfilePage> MedicalPageAsync(MedicalInstitution i, ProfileForm form) => new(
        i.Name, Labels.Of(i.Kind), i.LicenseNumber, i.CreditCode, false, form,
        await ChangeHistory.ForAsync(db, nameof(MedicalInstitution), i.Id));
}
