namespace YiyangPortal.Documents;

/// <summary>Which of the two Shaoxing reference templates (绍市民〔2024〕6号 附件1 / 附件2) the agreement uses.</summary>
public enum AgreementTemplateKind
{
    /// <summary>附件1 养医联合体服务协议.</summary>
    MedicalElderCareConsortium = 1,

    /// <summary>附件2 医养结合项目服务合作协议.</summary>
    ProjectCooperation = 2,
}

/// <summary>Who pays the medical costs incurred at 乙方 (附件1 clause 五).</summary>
public enum MedicalCostPayment
{
    /// <summary>甲方康养人员自理.</summary>
    ResidentPays = 1,

    /// <summary>甲方担保.</summary>
    ElderCareInstitutionGuarantees = 2,

    /// <summary>甲方统一支付.</summary>
    ElderCareInstitutionPays = 3,
}

/// <summary>Where 附件1 clause 一's 医疗服务站点 is (甲方内设医疗机构或乙方延伸设置医务室的).</summary>
public enum ClinicSite
{
    /// <summary>甲方内设医疗机构.</summary>
    InternalMedicalInstitution = 1,

    /// <summary>乙方延伸设置医务室.</summary>
    ExtendedClinicRoom = 2,
}

/// <summary>One contracting party as printed on the agreement.</summary>
public sealed record AgreementParty(string Name, string? Address = null, string? RepresentativeName = null);

/// <summary>A party's signature: who signed, in what capacity, and when (printed as a date in Beijing time).</summary>
public sealed record PartySignature(string SignerName, string? SignerTitle, DateTimeOffset SignedAt);

/// <summary>One row of the schedule (附表) of agreed service items.</summary>
/// <param name="Category">服务类别, e.g. 基本公共卫生服务.</param>
/// <param name="Item">服务项目.</param>
/// <param name="Frequency">Free text such as "2 次/月".</param>
/// <param name="Unit">计价单位, e.g. 次, 人次, 年.</param>
/// <param name="UnitPrice">单价 in 元; null prints "—" (free of charge or paid by insurance rules).</param>
/// <param name="Funding">经费来源, e.g. 基本公共卫生 / 医保 / 自费 / 合作经费.</param>
public sealed record ServiceItemRow(
    string Category,
    string Item,
    string? Frequency,
    string? Unit,
    decimal? UnitPrice,
    string? Funding);

/// <summary>
/// A 补充协议 (2020 guide 九(二)): printed instead of the template text, under its own title, naming the original by
/// title, number and signing date, with only what it changes.
/// </summary>
/// <param name="OriginalTitle">The original's template title, e.g. 养医联合体服务协议.</param>
/// <param name="OriginalNumber">The original's 协议编号.</param>
/// <param name="OriginalSignedOn">The day the original took effect (Beijing).</param>
/// <param name="Changes">One sentence per change, in order.</param>
public sealed record SupplementDocument(
    string OriginalTitle, string OriginalNumber, DateOnly OriginalSignedOn, IReadOnlyList<string> Changes);

/// <summary>One line of the fee summary under the schedule.</summary>
/// <param name="Label">费用项目, e.g. 年度健康服务费.</param>
/// <param name="Amount">元 a year; null prints "—".</param>
/// <param name="Payer">支付方及说明, e.g. 甲方（养老机构）支付，分两次支付，上、下半年各一次.</param>
public sealed record FeeLine(string Label, decimal? Amount, string Payer);

/// <summary>
/// The fee summary printed under the schedule: one total per payer (合作经费 by 甲方, 自费 by residents, 医保,
/// 基本公共卫生 free). There is no grand total: 附件1 pays 健康体检、医疗会诊、护理服务等费用 outside the annual fee.
/// </summary>
public sealed record FeeSummary(IReadOnlyList<FeeLine> Lines);

/// <summary>
/// Everything the agreement PDF prints. Every template blank is a nullable property: null prints an underlined gap,
/// as a draft leaves it. Which properties a template uses is listed on each one (附件1 / 附件2).
/// </summary>
public sealed record AgreementDocumentModel
{
    public required AgreementTemplateKind Template { get; init; }

    /// <summary>Printed in every page header, e.g. SX-2026-000123.</summary>
    public required string DocumentNumber { get; init; }

    /// <summary>Drafts carry the 草稿 / 未生效 watermark on every page.</summary>
    public required bool IsDraft { get; init; }

    /// <summary>Public verification address of this document, encoded in the QR code and printed beside it.</summary>
    public required string VerificationUrl { get; init; }

    /// <summary>甲方（养老机构）. 附件1 and 附件2.</summary>
    public required AgreementParty ElderCareParty { get; init; }

    /// <summary>乙方（医疗卫生机构）. 附件1 and 附件2.</summary>
    public required AgreementParty MedicalParty { get; init; }

    /// <summary>
    /// 附件1 一: the site the clause stands on, printed after 建立医疗服务站点。; null prints nothing (a draft that has not
    /// chosen yet).
    /// </summary>
    public ClinicSite? ClinicSite { get; init; }

    /// <summary>附件1 一: clinic sessions per month at 甲方 (乙方提供___次/月).</summary>
    public int? ClinicSessionsPerMonth { get; init; }

    /// <summary>附件1 一: doctors of 中级 title or above sent per session (派___名).</summary>
    public int? ClinicDoctorCount { get; init; }

    /// <summary>附件1 二: ward rounds per month.</summary>
    public int? WardRoundsPerMonth { get; init; }

    /// <summary>附件1 二: doctors of 中级 title or above sent per round.</summary>
    public int? WardRoundDoctorCount { get; init; }

    /// <summary>附件1 三: consultation fee per visit by a 正高 doctor, 元/次.</summary>
    public decimal? ConsultationFeeChief { get; init; }

    /// <summary>附件1 三: consultation fee per visit by a 副高 doctor, 元/次.</summary>
    public decimal? ConsultationFeeAssociateChief { get; init; }

    /// <summary>附件1 三: consultation fee per visit by a 中级 doctor, 元/次.</summary>
    public decimal? ConsultationFeeIntermediate { get; init; }

    /// <summary>附件1 五: who pays medical costs at 乙方.</summary>
    public MedicalCostPayment? MedicalCostPayment { get; init; }

    /// <summary>附件1: 甲方每年向乙方支付健康服务费合计人民币 XXX 元.</summary>
    public decimal? AnnualHealthServiceFee { get; init; }

    /// <summary>
    /// 附件1 and 附件2: the civil-affairs bureau that receives a copy (报 XXX 民政局, one blank). The full name as the
    /// register has it (越城区民政局, or a merged 社会事业局; ADR 049), or a place name read as its 民政局.
    /// </summary>
    public string? CivilAffairsBureau { get; init; }

    /// <summary>
    /// 附件1 and 附件2: the health bureau that receives a copy (XXX 卫生健康委（局）). Place name or full name.
    /// </summary>
    public string? HealthBureau { get; init; }

    /// <summary>附件1: 有效期为____年____月____日至____年____月____日 (first date).</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>附件1: last day of validity. 附件2 prints its fixed term (一年) and shows the dates in the schedule.</summary>
    public DateOnly? ValidTo { get; init; }

    /// <summary>附加条款 一: 2020 guide 七 争议解决, printed after the template text when the parties include it.</summary>
    public bool DisputeResolutionClause { get; init; }

    /// <summary>附加条款: 2020 guide 八 保密条款, printed after the template text when the parties include it.</summary>
    public bool ConfidentialityClause { get; init; }

    /// <summary>The schedule (附表) rows, in the order they are printed.</summary>
    public IReadOnlyList<ServiceItemRow> ServiceItems { get; init; } = [];

    public FeeSummary? Fees { get; init; }

    /// <summary>Set for a 补充协议: its body replaces the template text, the schedule and the fee summary.</summary>
    public SupplementDocument? Supplement { get; init; }

    /// <summary>甲方's signature; null while unsigned.</summary>
    public PartySignature? ElderCareSignature { get; init; }

    /// <summary>乙方's signature; null while unsigned.</summary>
    public PartySignature? MedicalSignature { get; init; }
}
