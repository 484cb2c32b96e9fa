using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Institutions;

/// <summary>
/// What both parties of an agreement share: identity in the city's register (county, name, 统一社会信用代码), contact
/// and whether the register still lists it. Not an entity of its own: each kind keeps its table.
/// </summary>
public abstract class Institution : ITenantOwned, IRecordsChanges
{
    protected Institution()
    {
        Name = string.Empty;
        Address = string.Empty;
        LegalRepresentative = string.Empty;
        ContactPerson = string.Empty;
        ContactPhone = string.Empty;
    }

    protected Institution(Guid tenantId)
        : this()
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        IsActive = true;
    }

    public Guid Id { get; protected set; }

    public Guid TenantId { get; protected set; }

    public Guid CountyId { get; protected set; }

    public string Name { get; protected set; }

    /// <summary>统一社会信用代码, validated (GB 32100-2015) on the way in.</summary>
    public string? CreditCode { get; protected set; }

    public string Address { get; protected set; }

    /// <summary>法定代表人.</summary>
    public string LegalRepresentative { get; protected set; }

    public string ContactPerson { get; protected set; }

    public string ContactPhone { get; protected set; }

    public bool IsActive { get; protected set; }

    public InstitutionContact Contact => new(Address, LegalRepresentative, ContactPerson, ContactPhone);

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;

    /// <summary>The register's identity fields, checked the same way for both kinds.</summary>
    protected void SetIdentity(Guid countyId, string name, UnifiedSocialCreditCode? creditCode)
    {
        CountyId = countyId;
        Name = InstitutionRules.RequireName(name);
        CreditCode = creditCode?.Value;
    }

    protected void SetContact(InstitutionContact contact)
    {
        var normalized = contact.Normalized();
        Address = normalized.Address;
        LegalRepresentative = normalized.LegalRepresentative;
        ContactPerson = normalized.ContactPerson;
        ContactPhone = normalized.ContactPhone;
    }
}
