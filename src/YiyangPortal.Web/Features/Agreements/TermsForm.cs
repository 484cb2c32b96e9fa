using FluentValidation;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Web.Validation;

namespace YiyangPortal.Web.Features.Agreements;

/// <summary>The blanks of the chosen template (DOMAIN.md: 附件1 clauses 一–六, 附件2 parties and bureaus).</summary>
public sealed class TermsForm
{
    public uint Version { get; set; }

    public ClinicSite? ClinicSite { get; set; }

    public int? ClinicSessionsPerMonth { get; set; }

    public int? ClinicDoctorCount { get; set; }

    public int? WardRoundsPerMonth { get; set; }

    public int? WardRoundDoctorCount { get; set; }

    public decimal? SeniorConsultationFee { get; set; }

    public decimal? AssociateSeniorConsultationFee { get; set; }

    public decimal? IntermediateConsultationFee { get; set; }

    public MedicalCostPayment? MedicalCostPayment { get; set; }

    public decimal? AnnualHealthServiceFee { get; set; }

    public bool PublishAnnualHealthServiceFee { get; set; }

    public bool IncludeDisputeResolution { get; set; }

    public bool IncludeConfidentiality { get; set; }

    public DateOnly? TermFrom { get; set; }

    public DateOnly? TermTo { get; set; }

    public string? ElderCareAddress { get; set; }

    public string? MedicalAddress { get; set; }

    /// <summary>The county whose 卫生健康局 receives the filing, chosen from the register (FilingBureaus).</summary>
    public Guid? HealthBureauCountyId { get; set; }

    public string? ElderCareRepresentative { get; set; }

    public string? MedicalRepresentative { get; set; }

    public static TermsForm From(AgreementTerms t, uint version) => new()
    {
        Version = version,
        ClinicSite = t.ClinicSite,
        ClinicSessionsPerMonth = t.ClinicSessionsPerMonth,
        ClinicDoctorCount = t.ClinicDoctorCount,
        WardRoundsPerMonth = t.WardRoundsPerMonth,
        WardRoundDoctorCount = t.WardRoundDoctorCount,
        SeniorConsultationFee = t.SeniorConsultationFee?.Yuan,
        AssociateSeniorConsultationFee = t.AssociateSeniorConsultationFee?.Yuan,
        IntermediateConsultationFee = t.IntermediateConsultationFee?.Yuan,
        MedicalCostPayment = t.MedicalCostPayment,
        AnnualHealthServiceFee = t.AnnualHealthServiceFee?.Yuan,
        PublishAnnualHealthServiceFee = t.PublishAnnualHealthServiceFee,
        IncludeDisputeResolution = t.IncludeDisputeResolution,
        IncludeConfidentiality = t.IncludeConfidentiality,
        TermFrom = t.Term?.From,
        TermTo = t.Term?.To,
        ElderCareAddress = t.ElderCareAddress,
        MedicalAddress = t.MedicalAddress,
        HealthBureauCountyId = t.HealthBureauCountyId,
        ElderCareRepresentative = t.ElderCareRepresentative,
        MedicalRepresentative = t.MedicalRepresentative,
    };

    /// <summary>
    /// Only after the validator passed. 附件2's term is set at signing (one year), so it is not taken here. The
    /// bureaus' names are not typed: the caller takes them from the register (<see cref="AgreementTerms.WithBureaus"/>).
    /// </summary>
    public AgreementTerms ToTerms(AgreementTemplate template) => new()
    {
        ClinicSite = template == AgreementTemplate.MedicalElderCareConsortium ? ClinicSite : null,
        ClinicSessionsPerMonth = ClinicSessionsPerMonth,
        ClinicDoctorCount = ClinicDoctorCount,
        WardRoundsPerMonth = WardRoundsPerMonth,
        WardRoundDoctorCount = WardRoundDoctorCount,
        SeniorConsultationFee = Yuan(SeniorConsultationFee),
        AssociateSeniorConsultationFee = Yuan(AssociateSeniorConsultationFee),
        IntermediateConsultationFee = Yuan(IntermediateConsultationFee),
        MedicalCostPayment = MedicalCostPayment,
        AnnualHealthServiceFee = Yuan(AnnualHealthServiceFee),
        PublishAnnualHealthServiceFee = template == AgreementTemplate.MedicalElderCareConsortium && PublishAnnualHealthServiceFee,
        IncludeDisputeResolution = IncludeDisputeResolution,
        IncludeConfidentiality = IncludeConfidentiality,
        Term = template == AgreementTemplate.MedicalElderCareConsortium && TermFrom is { } from ? new ValidityPeriod(from, TermTo) : null,
        ElderCareAddress = Text(ElderCareAddress),
        MedicalAddress = Text(MedicalAddress),
        HealthBureauCountyId = HealthBureauCountyId,
        ElderCareRepresentative = Text(ElderCareRepresentative),
        MedicalRepresentative = Text(MedicalRepresentative),
    };

    private static Money? Yuan(decimal? value) => value is { } v ? Money.FromYuan(v) : null;

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Checks what can be checked while drafting; completeness is checked on submit (Agreement.Validate).</summary>
public sealed class TermsFormValidator : AbstractValidator<TermsForm>
{
    public TermsFormValidator(YiyangPortal.Documents.AgreementPdfRenderer printer)
    {
        RuleFor(f => f.ClinicSessionsPerMonth).InclusiveBetween(1, 62).WithMessage("坐诊次数应为每月 1 到 62 次。");
        RuleFor(f => f.WardRoundsPerMonth).InclusiveBetween(1, 62).WithMessage("查房次数应为每月 1 到 62 次。");

        RuleFor(f => f.ClinicDoctorCount).InclusiveBetween(1, 50).WithMessage("医师人数应为 1 到 50 名。");
        RuleFor(f => f.WardRoundDoctorCount).InclusiveBetween(1, 50).WithMessage("医师人数应为 1 到 50 名。");
        foreach (var fee in new System.Linq.Expressions.Expression<Func<TermsForm, decimal?>>[]
                 {
                     f => f.SeniorConsultationFee, f => f.AssociateSeniorConsultationFee, f => f.IntermediateConsultationFee,
                 })
        {
            RuleFor(fee).InclusiveBetween(0, 10_000).WithMessage("会诊费应在 0 到 10,000 元/次之间。")
                .Must(v => v is null || decimal.Round(v.Value, 2) == v).WithMessage("金额最多保留两位小数（精确到分）。");
        }

        RuleFor(f => f.AnnualHealthServiceFee).InclusiveBetween(0, 10_000_000).WithMessage("年度健康服务费应在 0 到 10,000,000 元之间。")
            .Must(v => v is null || decimal.Round(v.Value, 2) == v).WithMessage("金额最多保留两位小数（精确到分）。");
        RuleFor(f => f.MedicalCostPayment).IsInEnum().WithMessage("请选择医疗费用支付方式。");
        RuleFor(f => f.ClinicSite).IsInEnum().WithMessage("请选择医疗服务站点。");
        RuleFor(f => f.TermTo).Must((f, to) => to is null || f.TermFrom is null || to > f.TermFrom)
            .WithMessage("有效期的结束日期应晚于开始日期。");
        RuleFor(f => f.TermFrom).NotNull().When(f => f.TermTo is not null).WithMessage("请填写有效期的开始日期。");
        RuleFor(f => f.TermFrom).Must((f, from) => from is null || AgreementTerms.TermProblem(from.Value, f.TermTo) is null)
            .WithMessage(f => AgreementTerms.TermProblem(f.TermFrom!.Value, f.TermTo));
        foreach (var text in new System.Linq.Expressions.Expression<Func<TermsForm, string?>>[]
                 {
                     f => f.ElderCareAddress, f => f.MedicalAddress,
                 })
        {
            RuleFor(text).MaximumLength(200).WithMessage("不能超过 200 个字。").Printable(printer);
        }

        RuleFor(f => f.ElderCareRepresentative).MaximumLength(30).WithMessage("姓名不能超过 30 个字。").Printable(printer);
        RuleFor(f => f.MedicalRepresentative).MaximumLength(30).WithMessage("姓名不能超过 30 个字。").Printable(printer);
    }
}

/// <summary>The new item of the drafting form; checked only when its 添加 button is pressed (DraftingController).</summary>
public sealed class ItemForm
{
    public uint Version { get; set; }

    public Guid? ServicePriceId { get; set; }

    /// <summary>As typed (text), so a value that is not a number comes back as typed with its message.</summary>
    public string? Frequency { get; set; }
}
