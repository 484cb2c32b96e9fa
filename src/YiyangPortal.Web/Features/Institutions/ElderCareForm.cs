using FluentValidation;
using YiyangPortal.Documents;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Web.Validation;

namespace YiyangPortal.Web.Features.Institutions;

/// <summary>The tenant admin's form for a 养老服务机构 (create and edit; the import fills the same form per row).</summary>
public sealed class ElderCareForm : InstitutionForm
{
    public ElderCareInstitutionKind? Kind { get; set; }

    public string? RegistrationNumber { get; set; }

    public int? Beds { get; set; }

    public int? Residents { get; set; }

    public bool HasInternalMedicalInstitution { get; set; }

    public static ElderCareForm From(ElderCareInstitution i)
    {
        var form = new ElderCareForm
        {
            Kind = i.Kind,
            RegistrationNumber = i.RegistrationNumber,
            Beds = i.Beds,
            Residents = i.Residents,
            HasInternalMedicalInstitution = i.HasInternalMedicalInstitution,
        };
        form.CopyFrom(i);
        return form;
    }

    /// <summary>Only after the validator passed.</summary>
    public ElderCareInstitutionDetails ToDetails() => new(
        CountyId!.Value, Name!, Kind!.Value, RegistrationNumber!, InstitutionFormRules.ParseCode(CreditCode)!,
        Beds!.Value, Residents!.Value, HasInternalMedicalInstitution, Contact());
}

public sealed class ElderCareFormValidator : AbstractValidator<ElderCareForm>
{
    public const int MaxBeds = 20_000;

    public ElderCareFormValidator(AgreementPdfRenderer printer)
    {
        InstitutionFormRules.IdentityRules(this, creditCodeRequired: true, printer);
        InstitutionFormRules.ContactRules(this, printer);
        RuleFor(f => f.Kind).NotNull().WithMessage("请选择机构类型。").IsInEnum().WithMessage("请选择机构类型。");

        // 2020 guide 二(一): 养老机构应当进行备案; 日间照料机构应当依法办理登记.
        RuleFor(f => f.RegistrationNumber).NotEmpty().WithMessage("请填写备案（登记）号。")
            .MaximumLength(50).WithMessage("备案（登记）号不能超过 50 个字符。");
        RuleFor(f => f.Beds).NotNull().WithMessage("请填写床位数。")
            .InclusiveBetween(0, MaxBeds).WithMessage(new DomainMessage("床位数应在 0 到 {0} 之间。", MaxBeds));
        RuleFor(f => f.Residents).NotNull().WithMessage("请填写在住人数。")
            .InclusiveBetween(0, MaxBeds).WithMessage(new DomainMessage("在住人数应在 0 到 {0} 之间。", MaxBeds));
        RuleFor(f => f.Residents)
            .Must((f, residents) => f.Kind != ElderCareInstitutionKind.NursingHome || residents is null || f.Beds is null || residents <= f.Beds)
            .WithMessage("养老机构的在住人数不能超过床位数。");
    }
}
