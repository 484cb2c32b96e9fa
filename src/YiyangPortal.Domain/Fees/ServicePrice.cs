using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Fees;

/// <summary>
/// One version of the price of a service item in a <see cref="FeeSchedule"/>. A change never overwrites it: the
/// schedule ends this version and starts a new one, so what applied on any day can be shown.
/// </summary>
public sealed class ServicePrice : ITenantOwned
{
    private ServicePrice()
    {
    }

    internal ServicePrice(
        FeeSchedule schedule, Guid serviceItemId, Money price, ServiceUnit unit, Funding funding, ValidityPeriod validity)
    {
        Id = Guid.CreateVersion7();
        TenantId = schedule.TenantId;
        FeeScheduleId = schedule.Id;
        ServiceItemId = serviceItemId;
        Price = price;
        Unit = unit;
        Funding = funding;
        ValidFrom = validity.From;
        ValidTo = validity.To;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid FeeScheduleId { get; private set; }

    public Guid ServiceItemId { get; private set; }

    public Money Price { get; private set; }

    public ServiceUnit Unit { get; private set; }

    public Funding Funding { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    public ValidityPeriod Validity => new(ValidFrom, ValidTo);

    internal void EndBefore(DateOnly day) => ValidTo = Validity.EndBefore(day).To;
}
