using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Institutions;

/// <summary>养老服务机构 — party 甲方 of an agreement.</summary>
public sealed class ElderCareInstitution : ITenantOwned
{
    private ElderCareInstitution()
    {
        Name = string.Empty;
        Address = string.Empty;
    }

    public ElderCareInstitution(
        Guid tenantId, Guid countyId, string name, ElderCareInstitutionKind kind, string address, int beds, int residents)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        CountyId = countyId;
        Name = InstitutionRules.RequireName(name);
        Kind = kind;
        Address = address.Trim();
        SetCapacity(beds, residents);
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid CountyId { get; private set; }

    public string Name { get; private set; }

    public ElderCareInstitutionKind Kind { get; private set; }

    public string Address { get; private set; }

    public int Beds { get; private set; }

    public int Residents { get; private set; }

    /// <summary>内设医疗机构 (Shaoxing: 养老机构 with 50+ residents should set one up).</summary>
    public bool HasInternalMedicalInstitution { get; set; }

    public bool IsActive { get; private set; }

    /// <summary>绍市民〔2024〕6号: 养老机构 with 50 or more residents should set up an internal medical institution.</summary>
    public bool ShouldSetUpInternalMedicalInstitution =>
        Kind == ElderCareInstitutionKind.NursingHome && Residents >= 50 && !HasInternalMedicalInstitution;

    public void SetCapacity(int beds, int residents)
    {
        if (beds < 0 || residents < 0)
        {
            throw new DomainException("床位数和在住人数不能为负数。");
        }

        Beds = beds;
        Residents = residents;
    }
}
