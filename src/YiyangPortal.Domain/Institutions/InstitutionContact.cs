using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Institutions;

/// <summary>
/// The part of an institution's record its own staff may keep up to date (address, 法定代表人, contact). Identity
/// and qualifications (name, kind, county, codes, grade, 中医药, 医保) gate the rules and are kept by the tenant admin.
/// </summary>
public sealed record InstitutionContact(string Address, string LegalRepresentative, string ContactPerson, string ContactPhone)
{
    public const int MaxAddressLength = 200;
    public const int MaxPersonLength = 30;
    public const int MaxPhoneLength = 20;

    public InstitutionContact Normalized()
    {
        var contact = new InstitutionContact(
            Address.Trim(), LegalRepresentative.Trim(), ContactPerson.Trim(), ContactPhone.Trim());
        if (contact.Address.Length == 0)
        {
            throw new DomainException("请填写地址。");
        }

        if (contact.Address.Length > MaxAddressLength)
        {
            throw new DomainException("地址不能超过 {0} 个字。", MaxAddressLength);
        }

        if (contact.LegalRepresentative.Length > MaxPersonLength || contact.ContactPerson.Length > MaxPersonLength)
        {
            throw new DomainException("姓名不能超过 {0} 个字。", MaxPersonLength);
        }

        if (contact.ContactPhone.Length > MaxPhoneLength)
        {
            throw new DomainException("联系电话不能超过 {0} 位。", MaxPhoneLength);
        }

        return contact;
    }
}
