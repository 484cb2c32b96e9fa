using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Institutions;

namespace YiyangPortal.Domain.Fees;

/// <summary>
/// 收费标准 — the items a medical institution offers with their prices, and its consultation fees per title.
/// One per medical institution. Prices are versioned by validity period (<see cref="ValidityVersions"/>).
/// </summary>
public sealed class FeeSchedule : ITenantOwned
{
    /// <summary>A per-unit price above this is a typing error, not a price (the largest 会诊 or 建床 fee is far below).</summary>
    public const decimal MaxItemPriceYuan = 100_000m;

    /// <summary>A consultation fee per visit above this is a typing error.</summary>
    public const decimal MaxConsultationFeeYuan = 10_000m;

    private readonly List<ServicePrice> _prices = [];
    private readonly List<ConsultationFee> _consultationFees = [];

    private FeeSchedule()
    {
    }

    public FeeSchedule(MedicalInstitution institution)
    {
        Id = Guid.CreateVersion7();
        TenantId = institution.TenantId;
        MedicalInstitutionId = institution.Id;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid MedicalInstitutionId { get; private set; }

    public IReadOnlyList<ServicePrice> Prices => _prices;

    public IReadOnlyList<ConsultationFee> ConsultationFees => _consultationFees;

    /// <summary>
    /// Publishes a price for <paramref name="item"/> from <paramref name="validity"/>.From. An open-ended version that
    /// started earlier is ended the day before; any other overlap is refused. Returns the eligibility warnings.
    /// </summary>
    public Eligibility PublishPrice(
        ServiceItem item, MedicalInstitution provider, Money price, ServiceUnit unit, Funding funding,
        ValidityPeriod validity, DateOnly today)
    {
        EnsureProvider(provider);
        if (!item.IsActive)
        {
            throw new DomainException("“{0}”已停用，不能发布价格。", item.Name);
        }

        var eligibility = item.AssessProvider(provider);
        if (!eligibility.IsAllowed)
        {
            throw new DomainException(eligibility.Refusals[0]);
        }

        if (ProviderRules.FundingRefusal(funding, provider) is { } fundingRefusal)
        {
            throw new DomainException(fundingRefusal);
        }

        // 2020 guide 五(二): 基本公共卫生 services for eligible elders are free to them.
        if (funding == Funding.BasicPublicHealth && price != Money.Zero)
        {
            throw new DomainException("基本公共卫生服务对符合条件的老年人免费，价格应为 0。");
        }

        if (price.Yuan > MaxItemPriceYuan)
        {
            throw new DomainException("单价不能超过 {0:#,0} 元，请核对。", MaxItemPriceYuan);
        }

        var versions = _prices.Where(p => p.ServiceItemId == item.Id).ToList();
        ValidityVersions.MakeRoom(versions, p => p.Validity, (p, day) => p.EndBefore(day), validity, today);
        _prices.Add(new ServicePrice(this, item.Id, price, unit, funding, validity));
        return eligibility;
    }

    /// <summary>Sets the 会诊费 for a title from <paramref name="validity"/>.From (绍兴附件1 三).</summary>
    public void SetConsultationFee(ProfessionalTitle title, Money price, ValidityPeriod validity, DateOnly today)
    {
        if (!ProfessionalTitles.WithConsultationFee.Contains(title))
        {
            throw new DomainException("会诊费只按正高、副高、中级职称收取（附件1 三）。");
        }

        if (price.Yuan > MaxConsultationFeeYuan)
        {
            throw new DomainException("会诊费不能超过 {0:#,0} 元/次，请核对。", MaxConsultationFeeYuan);
        }

        var versions = _consultationFees.Where(f => f.Title == title).ToList();
        ValidityVersions.MakeRoom(versions, f => f.Validity, (f, day) => f.EndBefore(day), validity, today);
        _consultationFees.Add(new ConsultationFee(this, title, price, validity));
    }

    /// <summary>The price of an item that applied on <paramref name="day"/>, if any.</summary>
    public ServicePrice? PriceOn(Guid serviceItemId, DateOnly day) =>
        _prices.SingleOrDefault(p => p.ServiceItemId == serviceItemId && p.Validity.Contains(day));

    public IEnumerable<ServicePrice> PricesOn(DateOnly day) => _prices.Where(p => p.Validity.Contains(day));

    public ConsultationFee? ConsultationFeeOn(ProfessionalTitle title, DateOnly day) =>
        _consultationFees.SingleOrDefault(f => f.Title == title && f.Validity.Contains(day));

    private void EnsureProvider(MedicalInstitution provider)
    {
        if (provider.Id != MedicalInstitutionId)
        {
            throw new DomainException("只能维护本机构的收费标准。");
        }
    }
}
