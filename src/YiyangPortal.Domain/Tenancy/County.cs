using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Tenancy;

/// <summary>A county-level division (区/县(市)) of a tenant city. County bureaus receive the filings.</summary>
public sealed class County : ITenantOwned
{
    private County()
    {
        Name = string.Empty;
        DivisionCode = string.Empty;
    }

    public County(Guid tenantId, string divisionCode, string name, CountyKind kind)
    {
        if (divisionCode.Length != 6 || !divisionCode.All(char.IsAsciiDigit))
        {
            throw new DomainException("行政区划代码应为 6 位数字。");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("请填写区县名称。");
        }

        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        DivisionCode = divisionCode;
        Name = name.Trim();
        Kind = kind;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>GB/T 2260 code, e.g. 330602 for 越城区.</summary>
    public string DivisionCode { get; private set; }

    public string Name { get; private set; }

    public CountyKind Kind { get; private set; }

    /// <summary>The civil-affairs bureau that receives copies of agreements (e.g. 越城区民政局).</summary>
    public string CivilAffairsBureauName => Name + "民政局";

    /// <summary>The health bureau that receives copies of agreements (e.g. 越城区卫生健康局).</summary>
    public string HealthBureauName => Name + "卫生健康局";
}
