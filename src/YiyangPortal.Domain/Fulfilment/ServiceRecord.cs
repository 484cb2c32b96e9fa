using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;

namespace YiyangPortal.Domain.Fulfilment;

/// <summary>
/// 服务记录: one delivery of an agreed item by the medical institution (乙方), confirmed or disputed by the elder-care
/// institution (甲方). Counts only, no resident's name or number (2020 guide 八). Once answered a record never changes:
/// a correction is a new record that names the one it replaces (<see cref="CorrectsRecordId"/>), and the replaced one
/// stops counting (<see cref="FulfilmentSummary"/>). Stored by the month of its date (ADR 033).
/// </summary>
public sealed class ServiceRecord : ITenantOwned
{
    /// <summary>More residents than any home holds at one visit is a typing error.</summary>
    public const int MaxResidentsServed = 2000;

    /// <summary>A day.</summary>
    public const int MaxDurationMinutes = 24 * 60;

    public const int MaxNotesLength = 500;

    private ServiceRecord()
    {
        ItemName = string.Empty;
        StaffName = string.Empty;
    }

    private ServiceRecord(Agreement agreement, AgreedItem item, StaffMember staff, ServiceDelivery delivery, AgreementActor by, ServiceRecord? corrects)
    {
        Id = Guid.CreateVersion7();
        TenantId = agreement.TenantId;
        AgreementId = agreement.Id;
        AgreementItemId = item.LineItemId;
        ItemName = item.Name;
        ServiceDate = delivery.ServiceDate!.Value;
        StaffMemberId = staff.Id;
        StaffName = staff.Name;
        StaffTitle = staff.Title;
        ResidentsServed = delivery.ResidentsServed!.Value;
        DurationMinutes = delivery.DurationMinutes!.Value;
        Notes = string.IsNullOrWhiteSpace(delivery.Notes) ? null : delivery.Notes.Trim();
        Status = ServiceRecordStatus.Pending;
        RecordedAtUtc = by.AtUtc;
        RecordedByUserId = by.UserId;
        CorrectsRecordId = corrects?.Id;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>The original: a record of an item a 补充协议 changed or added is kept on it too (ADR 033, 044).</summary>
    public Guid AgreementId { get; private set; }

    /// <summary>The plan line's item (<see cref="AgreedItem.LineItemId"/>): the original's, or the adding supplement's.</summary>
    public Guid AgreementItemId { get; private set; }

    /// <summary>The item's name as agreed on the day, kept with the record.</summary>
    public string ItemName { get; private set; }

    /// <summary>The Beijing day of the service; also the partition key (by month).</summary>
    public DateOnly ServiceDate { get; private set; }

    public Guid StaffMemberId { get; private set; }

    /// <summary>The staff member's name and title on the day, as delivered.</summary>
    public string StaffName { get; private set; }

    public ProfessionalTitle StaffTitle { get; private set; }

    public int ResidentsServed { get; private set; }

    public int DurationMinutes { get; private set; }

    public string? Notes { get; private set; }

    public ServiceRecordStatus Status { get; private set; }

    public DateTimeOffset RecordedAtUtc { get; private set; }

    public Guid RecordedByUserId { get; private set; }

    /// <summary>When the elder-care institution confirmed or disputed it.</summary>
    public DateTimeOffset? AnsweredAtUtc { get; private set; }

    public Guid? AnsweredByUserId { get; private set; }

    public string? DisputeReason { get; private set; }

    /// <summary>The answered record this one corrects and replaces.</summary>
    public Guid? CorrectsRecordId { get; private set; }

    /// <summary>
    /// What is wrong with a delivery, keyed by <see cref="ServiceDelivery"/>'s field names; empty when it can be
    /// recorded. The item must be agreed on the delivery's day by the version in force that day, whose clause sets who
    /// may deliver it (<see cref="AgreedItems"/>, ADR 044). <paramref name="existing"/>: the agreement's records on the
    /// delivery's day and the records that correct them (the duplicate rule), plus those that correct
    /// <paramref name="corrects"/>.
    /// </summary>
    public static IReadOnlyList<FieldError> Problems(
        AgreedItems agreed, ServiceDelivery delivery, StaffMember? staff, AgreementActor by,
        IReadOnlyCollection<ServiceRecord> existing, ServiceRecord? corrects = null)
    {
        ArgumentNullException.ThrowIfNull(agreed);
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(existing);
        var agreement = agreed.Original;
        var errors = new List<FieldError>();
        if (!agreement.May(by.Party, AgreementAction.RecordService))
        {
            errors.Add(new FieldError(string.Empty, "只有已生效协议的乙方（医疗卫生机构）可以登记服务记录。"));
            return errors;
        }

        var item = ItemProblem(agreed, delivery, errors);
        DateProblem(agreement, delivery.ServiceDate, BeijingTime.DateOf(by.AtUtc), errors);
        StaffProblem(agreement, item, staff, errors);
        CountProblems(delivery, errors);
        CorrectionProblem(agreement, corrects, existing, errors);
        if (errors.Count == 0 && IsDuplicate(delivery, existing, corrects))
        {
            errors.Add(new FieldError(nameof(ServiceDelivery.ServiceDate), new DomainMessage(
                "{0} 已有{1}提供的“{2}”记录，不能重复登记；如需更正，请在原记录上更正。",
                delivery.ServiceDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), staff!.Name, item!.Name)));
        }

        return errors;
    }

    /// <summary>Records a delivery (乙方), refused with the first of its <see cref="Problems"/>.</summary>
    public static ServiceRecord Record(
        AgreedItems agreed, ServiceDelivery delivery, StaffMember? staff, AgreementActor by, IReadOnlyCollection<ServiceRecord> existing) =>
        Create(agreed, delivery, staff, by, existing, null);

    /// <summary>A new record that replaces <paramref name="original"/>, an answered record of the same agreement.</summary>
    public static ServiceRecord Correct(
        AgreedItems agreed, ServiceRecord original, ServiceDelivery delivery, StaffMember? staff, AgreementActor by,
        IReadOnlyCollection<ServiceRecord> existing)
    {
        ArgumentNullException.ThrowIfNull(original);
        return Create(agreed, delivery, staff, by, existing, original);
    }

    /// <summary>确认 (甲方): the record stands and counts; it never changes again.</summary>
    public void Confirm(Agreement agreement, AgreementActor by)
    {
        EnsureAnswerable(agreement, by);
        Status = ServiceRecordStatus.Confirmed;
        AnsweredAtUtc = by.AtUtc;
        AnsweredByUserId = by.UserId;
    }

    /// <summary>有异议 (甲方), with the reason the medical institution reads before it corrects the record.</summary>
    public void Dispute(Agreement agreement, AgreementActor by, string reason)
    {
        EnsureAnswerable(agreement, by);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写异议理由。");
        }

        if (reason.Trim().Length > Agreement.MaxReasonLength)
        {
            throw new DomainException("异议理由不能超过 {0} 个字。", Agreement.MaxReasonLength);
        }

        Status = ServiceRecordStatus.Disputed;
        DisputeReason = reason.Trim();
        AnsweredAtUtc = by.AtUtc;
        AnsweredByUserId = by.UserId;
    }

    private static ServiceRecord Create(
        AgreedItems agreed, ServiceDelivery delivery, StaffMember? staff, AgreementActor by,
        IReadOnlyCollection<ServiceRecord> existing, ServiceRecord? corrects)
    {
        by.EnsureKnown();
        if (Problems(agreed, delivery, staff, by, existing, corrects) is [var first, ..])
        {
            throw new DomainException(first.Text);
        }

        var item = agreed.On(delivery.ServiceDate!.Value).Single(i => i.LineItemId == delivery.AgreementItemId);
        return new ServiceRecord(agreed.Original, item, staff!, delivery, by, corrects);
    }

    private void EnsureAnswerable(Agreement agreement, AgreementActor by)
    {
        by.EnsureKnown();
        if (agreement.Id != AgreementId || !agreement.May(by.Party, AgreementAction.ConfirmService))
        {
            throw new DomainException("只有该协议的甲方（养老机构）可以确认服务记录。");
        }

        if (Status != ServiceRecordStatus.Pending)
        {
            throw new DomainException("该服务记录已{0}，不能再更改；如有错误，请由医疗卫生机构更正。", new DomainMessage(Status.ToChinese()));
        }
    }

    /// <summary>
    /// The item as agreed on the delivery's day, or a message next to the item field: no item of this agreement, or one a
    /// 补充协议 adds only later or dropped before that day. Without a service day, the item as last agreed.
    /// </summary>
    private static AgreedItem? ItemProblem(AgreedItems agreed, ServiceDelivery delivery, List<FieldError> errors)
    {
        const string field = nameof(ServiceDelivery.AgreementItemId);
        var known = agreed.All.FirstOrDefault(i => i.LineItemId == delivery.AgreementItemId);
        if (known is null)
        {
            errors.Add(new FieldError(field, "请选择本协议约定的服务项目。"));
            return null;
        }

        if (delivery.ServiceDate is not { } day || agreed.Original.ServiceDays() is not { } days || day < days.From || day > days.To)
        {
            return known;
        }

        if (agreed.NotAgreedOn(known.LineItemId, day) is { } refused)
        {
            errors.Add(new FieldError(field, refused));
            return null;
        }

        return agreed.On(day).First(i => i.LineItemId == known.LineItemId);
    }

    private static void DateProblem(Agreement agreement, DateOnly? date, DateOnly today, List<FieldError> errors)
    {
        const string field = nameof(ServiceDelivery.ServiceDate);
        if (date is not { } day)
        {
            errors.Add(new FieldError(field, "请填写服务日期。"));
        }
        else if (day > today)
        {
            errors.Add(new FieldError(field, "服务日期不能晚于今天；请在服务提供后登记。"));
        }
        else if (agreement.ServiceDays() is { } days && (day < days.From || day > days.To))
        {
            errors.Add(new FieldError(field, new DomainMessage(
                "服务日期应在协议有效期内（{0} 至 {1}）。",
                days.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                days.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        }
    }

    private static void StaffProblem(Agreement agreement, AgreedItem? item, StaffMember? staff, List<FieldError> errors)
    {
        const string field = nameof(ServiceDelivery.StaffMemberId);
        if (staff is null || staff.MedicalInstitutionId != agreement.MedicalInstitutionId || staff.TenantId != agreement.TenantId)
        {
            errors.Add(new FieldError(field, "请从本机构人员名册中选择服务人员。"));
        }
        else if (!staff.IsActive)
        {
            errors.Add(new FieldError(field, new DomainMessage("{0}已不在本机构人员名册中，请选择其他人员。", staff.Name)));
        }
        else if (item?.RequiredTitle is { } required && !staff.Title.IsAtLeast(required))
        {
            // 附件1 一、二: 派___名中级职称及以上医师, as the version in force on the day states it.
            errors.Add(new FieldError(field, new DomainMessage(
                "“{0}”须由{1}职称及以上的医师提供（{2}），{3}的职称为{4}。",
                item.Name, new DomainMessage(required.ToChinese()), item.Item.Clause!.Value.ToChinese(), staff.Name, new DomainMessage(staff.Title.ToChinese()))));
        }
    }

    private static void CountProblems(ServiceDelivery delivery, List<FieldError> errors)
    {
        const string residents = nameof(ServiceDelivery.ResidentsServed);
        if (delivery.ResidentsServed is not { } served)
        {
            errors.Add(new FieldError(residents, "请填写服务人数。"));
        }
        else if (served < 0)
        {
            errors.Add(new FieldError(residents, "服务人数不能为负数。"));
        }
        else if (served > MaxResidentsServed)
        {
            errors.Add(new FieldError(residents, new DomainMessage("服务人数不能超过 {0}，请核对。", MaxResidentsServed)));
        }

        const string duration = nameof(ServiceDelivery.DurationMinutes);
        if (delivery.DurationMinutes is not { } minutes)
        {
            errors.Add(new FieldError(duration, "请填写服务时长（分钟）。"));
        }
        else if (minutes is < 1 or > MaxDurationMinutes)
        {
            errors.Add(new FieldError(duration, new DomainMessage("服务时长应为 1 到 {0} 分钟。", MaxDurationMinutes)));
        }

        const string notes = nameof(ServiceDelivery.Notes);
        if (delivery.Notes?.Trim().Length > MaxNotesLength)
        {
            errors.Add(new FieldError(notes, new DomainMessage("备注不能超过 {0} 个字。", MaxNotesLength)));
        }
        else if (PersonalDataScreen.Finding(delivery.Notes) is { } found)
        {
            // 2020 guide 八 and PIPL: records carry counts, never a resident's identity.
            errors.Add(new FieldError(notes, new DomainMessage(
                "备注中似乎有{0}。服务记录只记人数，不记录老人的姓名、身份证号码或电话，请删除后再保存。", new DomainMessage(found))));
        }
    }

    private static void CorrectionProblem(Agreement agreement, ServiceRecord? corrects, IReadOnlyCollection<ServiceRecord> existing, List<FieldError> errors)
    {
        if (corrects is null)
        {
            return;
        }

        if (corrects.AgreementId != agreement.Id)
        {
            errors.Add(new FieldError(string.Empty, "要更正的服务记录不属于该协议。"));
        }
        else if (corrects.Status == ServiceRecordStatus.Pending)
        {
            errors.Add(new FieldError(string.Empty, "该服务记录尚待甲方确认，确认或提出异议后才能更正。"));
        }
        else if (existing.Any(r => r.CorrectsRecordId == corrects.Id))
        {
            errors.Add(new FieldError(string.Empty, "该服务记录已经更正过；请在更正后的记录上继续办理。"));
        }
    }

    /// <summary>Same item, day and staff as a record that still stands (one not replaced by a correction).</summary>
    private static bool IsDuplicate(ServiceDelivery delivery, IReadOnlyCollection<ServiceRecord> existing, ServiceRecord? corrects)
    {
        var replaced = existing.Where(r => r.CorrectsRecordId is not null).Select(r => r.CorrectsRecordId!.Value).ToHashSet();
        return existing.Any(r => r.Id != corrects?.Id && !replaced.Contains(r.Id)
            && r.AgreementItemId == delivery.AgreementItemId && r.ServiceDate == delivery.ServiceDate
            && r.StaffMemberId == delivery.StaffMemberId);
    }
}
