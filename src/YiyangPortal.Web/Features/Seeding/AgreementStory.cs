using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Filings;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>
/// How far one filing of a story goes: its final status, whether a 需补正 came first (for 已报送 and 已备案: returned,
/// corrected, resubmitted), how many days after signing the parties first submitted it, and how many days the bureau
/// gives for a correction (the correction deadline, inclusive).
/// </summary>
public sealed record FilingPlan(FilingStatus Status, bool Corrected = false, int SubmittedAfterDays = 2, int CorrectionDays = 15)
{
    public static readonly FilingPlan Pending = new(FilingStatus.Pending);

    public static readonly FilingPlan Submitted = new(FilingStatus.Submitted);

    public static readonly FilingPlan Accepted = new(FilingStatus.Accepted);

    public static readonly FilingPlan Returned = new(FilingStatus.Returned);
}

/// <summary>
/// One agreement to build through the real workflow, up to <see cref="Target"/>. <see cref="At"/> is when the target
/// was reached (drafted, submitted, reviewed, first or second signature); the earlier steps are dated before it, a
/// few days apart, and a termination or a filing step after it, never later than now.
/// </summary>
public sealed record AgreementStory(
    Guid HomeId, Guid PartnerId, AgreementTemplate Template, AgreementStatus Target, DateTimeOffset At)
{
    /// <summary>The service items by catalogue code with their frequency; null: the template's usual ones.</summary>
    public IReadOnlyList<(string Code, int Frequency)>? Items { get; init; }

    /// <summary>附件1's agreed term; null: one year from the first day of the signing month.</summary>
    public ValidityPeriod? Term { get; init; }

    /// <summary>附件1: both parties agree to publish the 年度健康服务费 in the public list (issue 11 point 5).</summary>
    public bool PublishAnnualFee { get; init; }

    /// <summary>For 部分签署 and 已生效: 甲方 signs first (the medical side does otherwise).</summary>
    public bool ElderCareSignsFirst { get; init; }

    /// <summary>For 退回修改: the clinic proposes a change for 甲方 to answer, or only gives its reason.</summary>
    public bool WithProposal { get; init; } = true;

    /// <summary>For 已终止: when; null: 30 days after signing (or now, if sooner).</summary>
    public DateTimeOffset? TerminatedAt { get; init; }

    public string TerminationReason { get; init; } = "养老机构调整服务场地，双方协商一致终止合作";

    /// <summary>The 民政局 filing once in force.</summary>
    public FilingPlan CivilAffairs { get; init; } = FilingPlan.Pending;

    /// <summary>The 卫生健康局 filing once in force.</summary>
    public FilingPlan Health { get; init; } = FilingPlan.Pending;

    /// <summary>Files with the medical institution's county's 卫生健康局 instead of the home's (issue 11 point 2).</summary>
    public bool HealthBureauOfPartnerCounty { get; init; }

    /// <summary>A fixed 协议编号; null: the county's next number.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>
    /// Whether the target lies on the path to signing, so each state below it is passed on the way (草稿 →
    /// 待医疗机构审核 → 待签署 → 部分签署 → 已生效 → 已终止/已到期). 退回修改 leaves that path after the review.
    /// </summary>
    internal bool Reaches(AgreementStatus step) => step switch
    {
        AgreementStatus.ReturnedForRevision => Target == AgreementStatus.ReturnedForRevision,
        _ when Target == AgreementStatus.ReturnedForRevision => step <= AgreementStatus.PendingMedicalReview,
        AgreementStatus.Expired or AgreementStatus.Terminated => Target == step,
        _ => Target is AgreementStatus.Expired or AgreementStatus.Terminated || step <= Target,
    };
}

/// <summary>
/// One 补充协议 of an original in force, built through the real workflow (2020 guide 九(二)): 甲方 drafts it from the
/// version in force, adds <see cref="Adds"/> and makes <see cref="Change"/>, and submits; 乙方 approves every item and
/// accepts; 乙方 then 甲方 sign, the second signature at <see cref="At"/>, so it comes into force on that Beijing day
/// (ADR 044, 045); then its filings go as planned. The earlier steps are dated a few days before, never before the
/// original took effect.
/// </summary>
public sealed record SupplementStory(DateTimeOffset At)
{
    /// <summary>The catalogue items the supplement adds (by code, at the partner's price of the day) with their frequency.</summary>
    public IReadOnlyList<(string Code, int Frequency)> Adds { get; init; } = [];

    /// <summary>Any other change 甲方 makes to the draft (a term, an item dropped) before submitting it.</summary>
    public Action<Agreement, AgreementActor>? Change { get; init; }

    /// <summary>A fixed 协议编号; null: the county's next number.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>The supplement's 民政局 filing once in force.</summary>
    public FilingPlan CivilAffairs { get; init; } = FilingPlan.Pending;

    /// <summary>The supplement's 卫生健康局 filing once in force.</summary>
    public FilingPlan Health { get; init; } = FilingPlan.Pending;
}
