using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Institutions;

namespace YiyangPortal.Domain.Catalogue;

/// <summary>
/// 服务项目 — one entry of a tenant's service catalogue. Seeded from the 2020 guide 三 and the Shaoxing templates
/// (<see cref="StandardCatalogue"/>), then edited by the tenant admin. Deactivated, never deleted: fee schedules and
/// agreements refer to it.
/// </summary>
public sealed class ServiceItem : ITenantOwned
{
    public const int MaxNameLength = 60;
    public const int MaxDescriptionLength = 500;

    private ServiceItem()
    {
        Code = string.Empty;
        Name = string.Empty;
        Description = string.Empty;
        Source = string.Empty;
    }

    public ServiceItem(Guid tenantId, string code, ServiceCategory category, string name, ServiceUnit unit, Funding funding)
        : this()
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        Code = code;
        Category = category;
        Rename(name);
        Unit = unit;
        DefaultFunding = funding;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>Stable key of a standard item (empty for items a tenant added), so reseeding never duplicates.</summary>
    public string Code { get; private set; }

    public ServiceCategory Category { get; private set; }

    public string Name { get; private set; }

    public string Description { get; private set; }

    public ServiceUnit Unit { get; private set; }

    public Funding DefaultFunding { get; private set; }

    /// <summary>Where the item comes from, e.g. "2020指南 三（八）" or "绍兴附件2 二.5".</summary>
    public string Source { get; private set; }

    public ProviderRequirement Requirement { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; }

    public void Rename(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainException("请填写项目名称。");
        }

        if (trimmed.Length > MaxNameLength)
        {
            throw new DomainException("项目名称不能超过 {0} 个字。", MaxNameLength);
        }

        Name = trimmed;
    }

    public void Describe(string description, string source)
    {
        description = description.Trim();
        if (description.Length > MaxDescriptionLength)
        {
            throw new DomainException("项目说明不能超过 {0} 个字。", MaxDescriptionLength);
        }

        Description = description;
        Source = source.Trim();
    }

    public void Classify(ServiceCategory category, ServiceUnit unit, Funding funding, ProviderRequirement requirement)
    {
        Category = category;
        Unit = unit;
        DefaultFunding = funding;
        Requirement = requirement;
    }

    public void PlaceAt(int sortOrder) => SortOrder = sortOrder;

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;

    /// <summary>Whether <paramref name="provider"/> may offer this item, and what a drafter should be warned about.</summary>
    public Eligibility AssessProvider(MedicalInstitution provider) => ProviderRules.Assess(this, provider);
}
