using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Institutions;

/// <summary>养老服务机构 — party 甲方 of an agreement.</summary>
public sealed class ElderCareInstitution : ITenantOwned, IRecordsChanges
{
    private ElderCareInstitution()
    {
        Name = string.Empty;
        Address = string.Empty;
        RegistrationNumber = string.Empty;
        LegalRepresentative = string.Empty;
        ContactPerson = string.Empty;
        ContactPhone = string.Empty;
    }

    public ElderCareInstitution(Guid tenantId, ElderCareInstitutionDetails details)
        : this()
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        Update(details);
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid CountyId { get; private set; }

    public string Name { get; private set; }

    public ElderCareInstitutionKind Kind { get; private set; }

    /// <summary>备案号 (养老机构) or 登记号 (日间照料机构, 社区居家养老服务机构).</summary>
    public string RegistrationNumber { get; private set; }

    /// <summary>
    /// 统一社会信用代码, validated (GB 32100-2015) on the way in. Null only on rows that predate the field; the next
    /// edit requires it.
    /// </summary>
    public string? CreditCode { get; private set; }

    public string Address { get; private set; }

    public int Beds { get; private set; }

    public int Residents { get; private set; }

    /// <summary>内设医疗机构 (Shaoxing: 养老机构 with 50+ residents should set one up).</summary>
    public bool HasInternalMedicalInstitution { get; private set; }

    /// <summary>法定代表人.</summary>
    public string LegalRepresentative { get; private set; }

    public string ContactPerson { get; private set; }

    public string ContactPhone { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>绍市民〔2024〕6号: 养老机构 with 50 or more residents should set up an internal medical institution.</summary>
    public bool ShouldSetUpInternalMedicalInstitution =>
        Kind == ElderCareInstitutionKind.NursingHome && Residents >= 50 && !HasInternalMedicalInstitution;

    public InstitutionContact Contact => new(Address, LegalRepresentative, ContactPerson, ContactPhone);

    /// <summary>The tenant admin's edit: every field.</summary>
    public void Update(ElderCareInstitutionDetails details)
    {
        CountyId = details.CountyId;
        Name = InstitutionRules.RequireName(details.Name);
        Kind = details.Kind;
        RegistrationNumber = InstitutionRules.RequireRegistration(details.RegistrationNumber, "备案（登记）号");
        CreditCode = details.CreditCode.Value;
        HasInternalMedicalInstitution = details.HasInternalMedicalInstitution;
        SetCapacity(details.Beds, details.Residents);
        UpdateContact(details.Contact);
    }

    /// <summary>The institution's own edit: contact and capacity, nothing that identifies or qualifies it.</summary>
    public void UpdateProfile(InstitutionContact contact, int beds, int residents)
    {
        SetCapacity(beds, residents);
        UpdateContact(contact);
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;

    private void UpdateContact(InstitutionContact contact)
    {
        var normalized = contact.Normalized();
        Address = normalized.Address;
        LegalRepresentative = normalized.LegalRepresentative;
        ContactPerson = normalized.ContactPerson;
        ContactPhone = normalized.ContactPhone;
    }

    private void SetCapacity(int beds, int residents)
    {
        if (beds < 0 || residents < 0)
        {
            throw new DomainException("床位数和在住人数不能为负数。");
        }

        if (Kind == ElderCareInstitutionKind.NursingHome && residents > beds)
        {
            throw new DomainException("养老机构的在住人数不能超过床位数。");
        }

        Beds = beds;
        Residents = residents;
    }
}
