using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Fulfilment;

/// <summary>
/// The checks the 六个一 entries share (绍市民〔2024〕6号 二): a day that has happened, this year or last (the figures
/// count per calendar year), and counts that a home could have.
/// </summary>
public static class SixOnesEntries
{
    /// <summary>More than any home holds: a typing error.</summary>
    public const int MaxCount = 2000;

    public static void DateProblem(string field, DateOnly? day, DateOnly today, List<FieldError> errors)
    {
        if (day is not { } d)
        {
            errors.Add(new FieldError(field, "请填写日期。"));
        }
        else if (d > today)
        {
            errors.Add(new FieldError(field, "日期不能晚于今天。"));
        }
        else if (d.Year < today.Year - 1)
        {
            errors.Add(new FieldError(field, new DomainMessage("只能登记 {0} 年及以后的情况。", today.Year - 1)));
        }
    }

    public static void CountProblem(string field, int? count, int min, List<FieldError> errors)
    {
        if (count is not { } n)
        {
            errors.Add(new FieldError(field, "请填写人数（次数）。"));
        }
        else if (n < 0)
        {
            errors.Add(new FieldError(field, "不能为负数。"));
        }
        else if (n < min)
        {
            errors.Add(new FieldError(field, new DomainMessage("至少为 {0}。", min)));
        }
        else if (n > MaxCount)
        {
            errors.Add(new FieldError(field, new DomainMessage("不能超过 {0}，请核对。", MaxCount)));
        }
    }

    internal static Guid Require(Guid id, string what) => id == Guid.Empty ? throw new DomainException("缺少{0}。", what) : id;

    internal static void ThrowFirst(IReadOnlyList<FieldError> problems)
    {
        if (problems is [var first, ..])
        {
            throw new DomainException(first.Text);
        }
    }
}

/// <summary>
/// 绿色通道 used (绍市民〔2024〕6号 二.4 开通一条绿色医疗通道; 附件1 五 开设就诊绿色通道): the day and how many residents
/// went through it, nothing about who (2020 guide 八).
/// </summary>
public sealed class GreenChannelUse : ITenantOwned
{
    private GreenChannelUse()
    {
    }

    private GreenChannelUse(Guid tenantId, Guid homeId, DateOnly usedOn, int residents, Guid userId, DateTimeOffset atUtc)
    {
        Id = Guid.CreateVersion7();
        TenantId = SixOnesEntries.Require(tenantId, "租户");
        ElderCareInstitutionId = SixOnesEntries.Require(homeId, "养老机构");
        UsedOn = usedOn;
        Residents = residents;
        RecordedByUserId = userId;
        RecordedAtUtc = atUtc;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ElderCareInstitutionId { get; private set; }

    public DateOnly UsedOn { get; private set; }

    /// <summary>Residents who went through the channel that day.</summary>
    public int Residents { get; private set; }

    public Guid RecordedByUserId { get; private set; }

    public DateTimeOffset RecordedAtUtc { get; private set; }

    /// <summary>What is wrong, keyed by the form's fields (UsedOn, Residents); <paramref name="agreed"/>: a channel is agreed.</summary>
    public static IReadOnlyList<FieldError> Problems(bool agreed, DateOnly? usedOn, int? residents, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (!agreed)
        {
            errors.Add(new FieldError(string.Empty, "本机构的有效协议尚未约定绿色通道，不能登记使用情况。"));
            return errors;
        }

        SixOnesEntries.DateProblem(nameof(UsedOn), usedOn, today, errors);
        SixOnesEntries.CountProblem(nameof(Residents), residents, 1, errors);
        return errors;
    }

    public static GreenChannelUse Record(
        Guid tenantId, Guid homeId, bool agreed, DateOnly? usedOn, int? residents, Guid userId, DateTimeOffset atUtc)
    {
        SixOnesEntries.ThrowFirst(Problems(agreed, usedOn, residents, BeijingTime.DateOf(atUtc)));
        return new GreenChannelUse(tenantId, homeId, usedOn!.Value, residents!.Value, userId, atUtc);
    }
}

/// <summary>
/// 培训 (绍市民〔2024〕6号 二.6 培训一支康养服务队伍; 附件1 六; 附件2 甲方 4 and 乙方 6): a session's day, topic and number
/// of attendees. Recorded by the home, or by a partner clinic that gave it (then <see cref="MedicalInstitutionId"/>
/// names the clinic).
/// </summary>
public sealed class TrainingSession : ITenantOwned
{
    public const int MaxTopicLength = 100;

    private TrainingSession()
    {
        Topic = string.Empty;
    }

    private TrainingSession(
        Guid tenantId, Guid homeId, Agreements.AgreementParty by, Guid? clinicId, DateOnly heldOn, string topic, int attendees, Guid userId,
        DateTimeOffset atUtc)
    {
        Id = Guid.CreateVersion7();
        TenantId = SixOnesEntries.Require(tenantId, "租户");
        ElderCareInstitutionId = SixOnesEntries.Require(homeId, "养老机构");
        RecordedBy = by;
        MedicalInstitutionId = clinicId;
        HeldOn = heldOn;
        Topic = topic;
        Attendees = attendees;
        RecordedByUserId = userId;
        RecordedAtUtc = atUtc;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ElderCareInstitutionId { get; private set; }

    /// <summary>Which side recorded it.</summary>
    public Agreements.AgreementParty RecordedBy { get; private set; }

    /// <summary>The partner clinic that gave the session and recorded it; null when the home recorded it.</summary>
    public Guid? MedicalInstitutionId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public string Topic { get; private set; }

    public int Attendees { get; private set; }

    public Guid RecordedByUserId { get; private set; }

    public DateTimeOffset RecordedAtUtc { get; private set; }

    public static IReadOnlyList<FieldError> Problems(DateOnly? heldOn, string? topic, int? attendees, DateOnly today)
    {
        var errors = new List<FieldError>();
        SixOnesEntries.DateProblem(nameof(HeldOn), heldOn, today, errors);
        if (string.IsNullOrWhiteSpace(topic))
        {
            errors.Add(new FieldError(nameof(Topic), "请填写培训主题。"));
        }
        else if (topic.Trim().Length > MaxTopicLength)
        {
            errors.Add(new FieldError(nameof(Topic), new DomainMessage("培训主题不能超过 {0} 个字。", MaxTopicLength)));
        }
        else if (PersonalDataScreen.Finding(topic) is { } finding)
        {
            errors.Add(new FieldError(nameof(Topic), new DomainMessage("培训主题中似乎有{0}；只记主题和人数，不记个人信息。", new DomainMessage(finding))));
        }

        SixOnesEntries.CountProblem(nameof(Attendees), attendees, 1, errors);
        return errors;
    }

    public static TrainingSession Record(
        Guid tenantId, Guid homeId, Agreements.AgreementParty by, DateOnly? heldOn, string? topic, int? attendees, Guid userId, DateTimeOffset atUtc)
    {
        SixOnesEntries.ThrowFirst(Problems(heldOn, topic, attendees, BeijingTime.DateOf(atUtc)));
        if (by == Agreements.AgreementParty.Medical)
        {
            throw new DomainException("医疗卫生机构登记培训须指明本机构。");
        }

        return new TrainingSession(tenantId, homeId, by, null, heldOn!.Value, topic!.Trim(), attendees!.Value, userId, atUtc);
    }

    /// <summary>
    /// What is wrong with a session a clinic gave to a home's care team (附件1 六; 附件2 乙方 6), keyed by the form's
    /// fields: the home (ElderCareInstitutionId) must be one it has an agreement in force with (<paramref name="partnerInForce"/>),
    /// then the same checks as the home's own entry.
    /// </summary>
    public static IReadOnlyList<FieldError> ClinicProblems(
        Guid? homeId, bool partnerInForce, DateOnly? heldOn, string? topic, int? attendees, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (homeId is not { } id || id == Guid.Empty)
        {
            errors.Add(new FieldError(nameof(ElderCareInstitutionId), "请选择接受培训的养老机构。"));
        }
        else if (!partnerInForce)
        {
            errors.Add(new FieldError(nameof(ElderCareInstitutionId), "本机构与该养老机构没有有效协议，不能为其登记培训。"));
        }

        errors.AddRange(Problems(heldOn, topic, attendees, today));
        return errors;
    }

    /// <summary>A session given by <paramref name="clinicId"/>, counted in the home's 六个一 training line (二.6).</summary>
    public static TrainingSession RecordByClinic(
        Guid tenantId, Guid homeId, Guid clinicId, bool partnerInForce, DateOnly? heldOn, string? topic, int? attendees, Guid userId,
        DateTimeOffset atUtc)
    {
        SixOnesEntries.ThrowFirst(ClinicProblems(homeId, partnerInForce, heldOn, topic, attendees, BeijingTime.DateOf(atUtc)));
        return new TrainingSession(
            tenantId, homeId, Agreements.AgreementParty.Medical, SixOnesEntries.Require(clinicId, "医疗卫生机构"), heldOn!.Value, topic!.Trim(),
            attendees!.Value, userId, atUtc);
    }
}

/// <summary>
/// 上门健康体检 of one year (绍市民〔2024〕6号 二.5: 每年为养老机构内 60 周岁及以上的老年人（含未满 60 周岁的特困等入住
/// 人员）开展 1 次上门健康体检): how many residents were due (60+, with the 特困 residents under 60 the clause includes)
/// and how many were checked. One per home and year; a later entry corrects the figures.
/// </summary>
public sealed class HealthCheck : ITenantOwned
{
    private HealthCheck()
    {
    }

    private HealthCheck(Guid tenantId, Guid homeId, int year)
    {
        Id = Guid.CreateVersion7();
        TenantId = SixOnesEntries.Require(tenantId, "租户");
        ElderCareInstitutionId = SixOnesEntries.Require(homeId, "养老机构");
        Year = year;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ElderCareInstitutionId { get; private set; }

    public int Year { get; private set; }

    /// <summary>The (last) day of the check.</summary>
    public DateOnly CheckedOn { get; private set; }

    public int ResidentsChecked { get; private set; }

    /// <summary>Residents aged 60+ (with 特困 residents under 60), the clause's denominator.</summary>
    public int ResidentsDue { get; private set; }

    public Guid RecordedByUserId { get; private set; }

    public DateTimeOffset RecordedAtUtc { get; private set; }

    /// <summary>Checked ÷ due; null when nobody is due.</summary>
    public double? Ratio => ResidentsDue == 0 ? null : (double)ResidentsChecked / ResidentsDue;

    /// <summary>What is wrong, keyed by CheckedOn, ResidentsChecked, ResidentsDue; <paramref name="beds"/>: the home's beds.</summary>
    public static IReadOnlyList<FieldError> Problems(DateOnly? checkedOn, int? residentsChecked, int? residentsDue, int beds, DateOnly today)
    {
        var errors = new List<FieldError>();
        SixOnesEntries.DateProblem(nameof(CheckedOn), checkedOn, today, errors);
        SixOnesEntries.CountProblem(nameof(ResidentsDue), residentsDue, 0, errors);
        SixOnesEntries.CountProblem(nameof(ResidentsChecked), residentsChecked, 0, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        if (beds > 0 && residentsDue > beds)
        {
            errors.Add(new FieldError(nameof(ResidentsDue), new DomainMessage("应检人数不能超过本机构床位数（{0} 张），请核对。", beds)));
        }

        if (residentsChecked > residentsDue)
        {
            errors.Add(new FieldError(nameof(ResidentsChecked), "已体检人数不能多于应检人数（60 周岁及以上老人，含特困等入住人员）。"));
        }

        return errors;
    }

    /// <summary>This year's figures: a new entry, or <paramref name="existing"/> (same home and year) corrected.</summary>
    public static HealthCheck Enter(
        HealthCheck? existing, Guid tenantId, Guid homeId, int beds, DateOnly? checkedOn, int? residentsChecked, int? residentsDue,
        Guid userId, DateTimeOffset atUtc)
    {
        SixOnesEntries.ThrowFirst(Problems(checkedOn, residentsChecked, residentsDue, beds, BeijingTime.DateOf(atUtc)));
        var year = checkedOn!.Value.Year;
        if (existing is not null && (existing.ElderCareInstitutionId != homeId || existing.Year != year))
        {
            throw new DomainException("体检记录不属于本机构的该年度。");
        }

        var check = existing ?? new HealthCheck(tenantId, homeId, year);
        check.CheckedOn = checkedOn.Value;
        check.ResidentsChecked = residentsChecked!.Value;
        check.ResidentsDue = residentsDue!.Value;
        check.RecordedByUserId = userId;
        check.RecordedAtUtc = atUtc;
        return check;
    }
}
