using FluentValidation;
using YiyangPortal.Documents;
using YiyangPortal.Domain.Institutions;

namespace YiyangPortal.Web.Features.Institutions;

/// <summary>The tenant admin's form for a 医疗卫生机构 (create and edit; the import fills the same form per row).</summary>
public sealed class MedicalForm : InstitutionForm
{
    public MedicalInstitutionKind? Kind { get; set; }

    public HospitalGrade? Grade { get; set; }

    public string? LicenseNumber { get; set; }

    public bool HasTcmQualification { get; set; }

    public bool IsMedicalInsuranceDesignated { get; set; }

    public static MedicalForm From(MedicalInstitution i)
    {
        var form = new MedicalForm
        {
            Kind = i.Kind,
            Grade = i.Grade,
            LicenseNumber = i.LicenseNumber,
            HasTcmQualification = i.HasTcmQualification,
            IsMedicalInsuranceDesignated = i.IsMedicalInsuranceDesignated,
        };
        form.CopyFrom(i);
        return form;
    }

    /// <summary>Only after the validator passed.</summary>
    public MedicalInstitutionDetails ToDetails() => new(
        CountyId!.Value, Name!, Kind!.Value, Grade!.Value, LicenseNumber!, InstitutionFormRules.ParseCode(CreditCode),
        HasTcmQualification, IsMedicalInsuranceDesignated, Contact());
}

public sealed class MedicalFormValidator : AbstractValidator<MedicalForm>
{
    public MedicalFormValidator(AgreementPdfRenderer printer)
    {
        InstitutionFormRules.IdentityRules(this, creditCodeRequired: false, printer);
        InstitutionFormRules.ContactRules(this, printer);
        RuleFor(f => f.Kind).NotNull().WithMessage("请选择机构类型。").IsInEnum().WithMessage("请选择机构类型。");
        RuleFor(f => f.Grade).NotNull().WithMessage("请选择医院等级（未定级也请选择）。").IsInEnum().WithMessage("请选择医院等级。");

        // ADR 051: the domain's rule of which kinds are graded, shown at the grade.
        RuleFor(f => f.Grade).Custom((grade, context) =>
        {
            if (context.InstanceToValidate.Kind is { } kind && grade is { } g && kind.GradeProblem(g) is { } problem)
            {
                context.AddFailure(problem);
            }
        });

        // 2020 guide 二(一): 医疗卫生机构应当具备相应资质 — the 执业许可证 (or a clinic's 备案).
        RuleFor(f => f.LicenseNumber).NotEmpty().WithMessage("请填写执业许可证登记号（备案号）。")
            .MaximumLength(50).WithMessage("执业许可证登记号（备案号）不能超过 50 个字符。");
    }
}
