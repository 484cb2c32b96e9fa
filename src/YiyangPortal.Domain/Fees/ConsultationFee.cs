using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Fees;

/// <summary>
/// 会诊费 per professional title, versioned like <see cref="ServicePrice"/> (绍兴附件1 三: 正高/副高/中级 元/次).
/// </summary>
public sealed class ConsultationFee : ITenantOwned
{
    private ConsultationFee()
    {
    }

    internal ConsultationFee(FeeSchedule schedule, ProfessionalTitle title, Money price, ValidityPeriod validity)
    {
        Id = Guid.CreateVersion7();
        TenantId = schedule.TenantId;
        FeeScheduleId = schedule.Id;
        Title = title;
        Price = price;
        ValidFrom = validity.From;
        ValidTo = validity.To;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid FeeScheduleId { get; private set; }

    public ProfessionalTitle Title { get; private set; }

    public Money Price { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    public ValidityPeriod Validity => new(ValidFrom, ValidTo);

    internal void EndBefore(DateOnly day) => ValidTo = Validity.EndBefore(day).To;
}
