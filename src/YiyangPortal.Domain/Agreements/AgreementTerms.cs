using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// 协议条款 — every blank of the two Shaoxing templates (绍市民〔2024〕6号 附件1, 附件2). Each blank may be empty
/// while drafting; <see cref="Validate"/> lists what the chosen template still needs before submission.
/// Party names come from the institutions; the service items are <see cref="AgreementItem"/>s.
/// </summary>
public sealed record AgreementTerms
{
    /// <summary>附件1 一: where the 医疗服务站点 is — 甲方内设医疗机构 or 乙方延伸设置医务室 (the clause applies to either).</summary>
    public ClinicSite? ClinicSite { get; init; }

    /// <summary>附件1 一: 坐诊 sessions per month (___次/月).</summary>
    public int? ClinicSessionsPerMonth { get; init; }

    /// <summary>附件1 一: doctors of 中级 title or above sent to the clinic (派___名).</summary>
    public int? ClinicDoctorCount { get; init; }

    /// <summary>附件1 二: 医疗查房 per month.</summary>
    public int? WardRoundsPerMonth { get; init; }

    /// <summary>附件1 二: doctors of 中级 title or above on the ward rounds.</summary>
    public int? WardRoundDoctorCount { get; init; }

    /// <summary>附件1 三: 会诊费 正高 元/次.</summary>
    public Money? SeniorConsultationFee { get; init; }

    /// <summary>附件1 三: 会诊费 副高 元/次.</summary>
    public Money? AssociateSeniorConsultationFee { get; init; }

    /// <summary>附件1 三: 会诊费 中级 元/次.</summary>
    public Money? IntermediateConsultationFee { get; init; }

    /// <summary>附件1 五: who pays residents' medical costs at the medical institution.</summary>
    public MedicalCostPayment? MedicalCostPayment { get; init; }

    /// <summary>附件1: 年度健康服务费 (人民币 XXX 元), paid in two instalments.</summary>
    public Money? AnnualHealthServiceFee { get; init; }

    /// <summary>
    /// Both parties agree to publish the 年度健康服务费 in the public list. It is a price between the home and the clinic,
    /// not a fee rule for residents (2020 guide 九(三) publishes 服务内容、收费规则), so it stays private unless the
    /// signed terms say otherwise (issue 11 point 5). Signing the terms is both parties' agreement.
    /// </summary>
    public bool PublishAnnualHealthServiceFee { get; init; }

    /// <summary>
    /// 有效期, both ends inclusive. 附件1: agreed by the parties (____年__月__日至____年__月__日).
    /// 附件2: set when the second party signs — one year from that day (附件2 三、3).
    /// </summary>
    public ValidityPeriod? Term { get; init; }

    /// <summary>
    /// 附加条款 一: the 2020 guide's 七 争议解决, which the Shaoxing templates lack; included when both parties want it,
    /// printed after the template text in its standard wording (ADR 026). Either template.
    /// </summary>
    public bool IncludeDisputeResolution { get; init; }

    /// <summary>附加条款: the 2020 guide's 八 保密条款 (also after termination); optional like <see cref="IncludeDisputeResolution"/>.</summary>
    public bool IncludeConfidentiality { get; init; }

    /// <summary>附件2: 甲方地址 (the caller defaults it from the institution).</summary>
    public string? ElderCareAddress { get; init; }

    /// <summary>附件2: 乙方地址.</summary>
    public string? MedicalAddress { get; init; }

    /// <summary>
    /// Both: 报 XXX 民政局 备案 — the elder-care institution's county's, from the register (<see cref="WithBureaus"/>);
    /// the name as printed and signed.
    /// </summary>
    public string? CivilAffairsBureauName { get; init; }

    /// <summary>Both: 报 XXX 卫生健康委（局） 备案 — the chosen bureau's registered name, as printed and signed.</summary>
    public string? HealthBureauName { get; init; }

    /// <summary>The county whose 卫生健康局 receives the filing (<see cref="FilingBureaus"/>); null: the elder-care county's.</summary>
    public Guid? HealthBureauCountyId { get; init; }

    /// <summary>甲方代表人. Optional: when empty, documents print the name of the elder-care signer.</summary>
    public string? ElderCareRepresentative { get; init; }

    /// <summary>乙方代表人. Optional: when empty, documents print the name of the medical signer.</summary>
    public string? MedicalRepresentative { get; init; }

    /// <summary>
    /// The blanks the portal can fill for the drafter: both bureaus of the elder-care institution's county and, for
    /// 附件2, both addresses. Everything else is left for the drafter.
    /// </summary>
    public static AgreementTerms Prefilled(
        AgreementTemplate template, County elderCareCounty, ElderCareInstitution elderCare, MedicalInstitution medical)
    {
        if (elderCare.CountyId != elderCareCounty.Id)
        {
            throw new DomainException("所选区县与养老机构所在区县不一致。");
        }

        var terms = new AgreementTerms
        {
            CivilAffairsBureauName = elderCareCounty.CivilAffairsBureauName,
            HealthBureauName = elderCareCounty.HealthBureauName,
            HealthBureauCountyId = elderCareCounty.Id,
        };
        return template == AgreementTemplate.ProjectCooperation
            ? terms with { ElderCareAddress = elderCare.Address, MedicalAddress = medical.Address }
            : terms;
    }

    /// <summary>
    /// 上半年 instalment. 附件1 says only "分两次支付，上、下半年各一次", so the fee is split in equal halves; an odd
    /// 分 goes to the first half so the two always add up to the annual fee exactly.
    /// </summary>
    public Money? FirstHalfInstalment => AnnualHealthServiceFee is { } fee
        ? Money.FromYuan(decimal.Round(fee.Yuan / 2, 2, MidpointRounding.AwayFromZero))
        : null;

    /// <summary>下半年 instalment: the annual fee minus the first instalment.</summary>
    public Money? SecondHalfInstalment => AnnualHealthServiceFee is { } fee && FirstHalfInstalment is { } first
        ? Money.FromYuan(fee.Yuan - first.Yuan)
        : null;

    /// <summary>
    /// The fee rules the public list shows (2020 guide 九(三): 收费规则对外公示): the consultation fee per visit by title
    /// (附件1 三), and the 年度健康服务费 only where both parties agreed to publish it (issue 11 point 5) — worded as
    /// 附件1 words it (分两次支付，上、下半年各一次), nothing invented. Null when there is nothing to show.
    /// </summary>
    public string? PublicFeeRules() => PublicFeeRuleMessage()?.ToString();

    /// <summary><see cref="PublicFeeRules"/> as a message, so the public list reads it in the visitor's language.</summary>
    public DomainMessage? PublicFeeRuleMessage()
    {
        var parts = new List<DomainMessage>();
        if (PublishAnnualHealthServiceFee && AnnualHealthServiceFee is { } fee)
        {
            parts.Add(new DomainMessage("年度健康服务费 {0} 元（分两次支付，上、下半年各一次）", fee));
        }

        if (SeniorConsultationFee is { } s) { parts.Add(new DomainMessage("会诊费 正高 {0} 元/次", s)); }
        if (AssociateSeniorConsultationFee is { } a) { parts.Add(new DomainMessage("副高 {0} 元/次", a)); }
        if (IntermediateConsultationFee is { } i) { parts.Add(new DomainMessage("中级 {0} 元/次", i)); }
        return parts.Count == 0 ? null : new DomainMessage("{0}", new DomainMessageList("；", parts));
    }

    /// <summary>The consultation fee per visit for a title (附件1 三).</summary>
    public Money? ConsultationFee(ProfessionalTitle title) => title switch
    {
        ProfessionalTitle.Senior => SeniorConsultationFee,
        ProfessionalTitle.AssociateSenior => AssociateSeniorConsultationFee,
        ProfessionalTitle.Intermediate => IntermediateConsultationFee,
        _ => null,
    };

    /// <summary>The longest term the portal accepts; renewals continue it (附件1: the parties agree the period).</summary>
    public const int MaxTermYears = 10;

    private static readonly DateOnly EarliestTermDay = new(2000, 1, 1);
    private static readonly DateOnly LatestTermDay = new(2099, 12, 31);

    /// <summary>
    /// Why a term cannot be taken, or null. Days outside 2000–2099 are typing errors (9999-12-31 could not even be
    /// renewed: the following term would start after the last day the calendar has), and a term of more than
    /// <see cref="MaxTermYears"/> years is one no renewal clause was written for.
    /// </summary>
    public static DomainMessage? TermProblem(DateOnly from, DateOnly? to)
    {
        if (from < EarliestTermDay || from > LatestTermDay || to < EarliestTermDay || to > LatestTermDay)
        {
            return new DomainMessage("协议有效期应在 2000 年 1 月 1 日至 2099 年 12 月 31 日之间。");
        }

        return to > from.AddYears(MaxTermYears) ? new DomainMessage("协议有效期不能超过 {0} 年。", MaxTermYears) : null;
    }

    /// <summary>
    /// Why the term can no longer be agreed on <paramref name="todayInBeijing"/> — its last day has passed — or null.
    /// Such a term can never be signed (Agreement.Signing), so submission and acceptance refuse it too; a draft may
    /// hold it while the drafter corrects it.
    /// </summary>
    public DomainMessage? EndedBefore(DateOnly todayInBeijing) => EndedBefore(Term?.To, todayInBeijing);

    /// <summary><see cref="EndedBefore(DateOnly)"/> for a term's last day as typed.</summary>
    public static DomainMessage? EndedBefore(DateOnly? lastDay, DateOnly todayInBeijing) =>
        lastDay is { } end && end < todayInBeijing
            ? new DomainMessage("协议有效期已于 {0} 结束，请修改为今天或以后结束的有效期。", end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            : null;

    /// <summary>
    /// The bureaus' names taken from the register for the chosen health bureau's county (issue 11 point 2): the PDF
    /// names exactly the bureaus the filings go to. A county that is neither party's is refused.
    /// </summary>
    public AgreementTerms WithBureaus(County elderCareCounty, County medicalCounty)
    {
        var (civilAffairs, health) = FilingBureaus.For(elderCareCounty, medicalCounty, HealthBureauCountyId);
        return this with
        {
            CivilAffairsBureauName = civilAffairs.Name,
            HealthBureauName = health.Name,
            HealthBureauCountyId = health.CountyId,
        };
    }

    /// <summary>What the template still needs before the agreement can be submitted for review.</summary>
    public IReadOnlyList<FieldError> Validate(AgreementTemplate template)
    {
        var errors = new List<FieldError>();
        Require(errors, CivilAffairsBureauName, nameof(CivilAffairsBureauName), "请填写接收备案的民政局。");
        Require(errors, HealthBureauName, nameof(HealthBureauName), "请填写接收备案的卫生健康委（局）。");
        if (template == AgreementTemplate.MedicalElderCareConsortium)
        {
            ValidateConsortium(errors);
        }
        else
        {
            Require(errors, ElderCareAddress, nameof(ElderCareAddress), "请填写甲方地址。");
            Require(errors, MedicalAddress, nameof(MedicalAddress), "请填写乙方地址。");
        }

        return errors;
    }

    private void ValidateConsortium(List<FieldError> errors)
    {
        // 附件1 一: 甲方内设医疗机构或乙方延伸设置医务室的 — the clause stands on one of the two; the drafter says which.
        Present(errors, ClinicSite, nameof(ClinicSite), "请选择医疗服务站点：甲方内设医疗机构或乙方延伸设置医务室（条款一）。");

        // 附件1 一、二: sessions and rounds are promised per month by a stated number of doctors.
        Positive(errors, ClinicSessionsPerMonth, nameof(ClinicSessionsPerMonth), "请填写每月坐诊次数（至少 1 次）。");
        Positive(errors, ClinicDoctorCount, nameof(ClinicDoctorCount), "请填写坐诊医师人数（至少 1 名）。");
        Positive(errors, WardRoundsPerMonth, nameof(WardRoundsPerMonth), "请填写每月查房次数（至少 1 次）。");
        Positive(errors, WardRoundDoctorCount, nameof(WardRoundDoctorCount), "请填写查房医师人数（至少 1 名）。");
        Present(errors, SeniorConsultationFee, nameof(SeniorConsultationFee), "请填写正高职称会诊费。");
        Present(errors, AssociateSeniorConsultationFee, nameof(AssociateSeniorConsultationFee), "请填写副高职称会诊费。");
        Present(errors, IntermediateConsultationFee, nameof(IntermediateConsultationFee), "请填写中级职称会诊费。");
        Present(errors, MedicalCostPayment, nameof(MedicalCostPayment), "请选择就诊医疗费用的支付方式。");
        Present(errors, AnnualHealthServiceFee, nameof(AnnualHealthServiceFee), "请填写年度健康服务费。");
        if (Term is not { } term)
        {
            errors.Add(new FieldError(nameof(Term), "请填写协议有效期。"));
        }
        else if (term.To is not { } end || end <= term.From)
        {
            errors.Add(new FieldError(nameof(Term), "协议有效期的结束日期必须晚于开始日期。"));
        }
        else if (TermProblem(term.From, term.To) is { } problem)
        {
            errors.Add(new FieldError(nameof(Term), problem));
        }
    }

    private static void Require(List<FieldError> errors, string? value, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, message));
        }
    }

    private static void Positive(List<FieldError> errors, int? value, string field, string message)
    {
        if (value is not > 0)
        {
            errors.Add(new FieldError(field, message));
        }
    }

    private static void Present<T>(List<FieldError> errors, T? value, string field, string message)
        where T : struct
    {
        if (value is null)
        {
            errors.Add(new FieldError(field, message));
        }
    }
}
