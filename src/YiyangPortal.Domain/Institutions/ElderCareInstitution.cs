using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Institutions;

/// <summary>养老服务机构 — party 甲方 of an agreement.</summary>
public sealed class ElderCareInstitution : Institution
{
    private ElderCareInstitution()
    {
        RegistrationNumber = string.Empty;
    }

    public ElderCareInstitution(Guid tenantId, ElderCareInstitutionDetails details)
        : base(tenantId)
    {
        RegistrationNumber = string.Empty;
        Update(details);
    }

    public ElderCareInstitutionKind Kind { get; private set; }

    /// <summary>备案号 (养老机构) or 登记号 (日间照料机构, 社区居家养老服务机构).</summary>
    public string RegistrationNumber { get; private set; }

    public int Beds { get; private set; }

    public int Residents { get; private set; }

    /// <summary>内设医疗机构 (Shaoxing: 养老机构 with 50+ residents should set one up).</summary>
    public bool HasInternalMedicalInstitution { get; private set; }

    /// <summary>
    /// 申办中: the home reports that it is applying for a 内设医疗机构 (绍市民〔2024〕6号 二.2 “申办一个养老机构内设医疗机构”).
    /// The home keeps this up to date itself; 已设 (<see cref="HasInternalMedicalInstitution"/>) is a licensed fact the
    /// register keeps (ADR 036).
    /// </summary>
    public bool IsApplyingForInternalMedicalInstitution { get; private set; }

    /// <summary>已设 / 申办中 / 未设.</summary>
    public InternalMedicalStatus InternalMedicalStatus => HasInternalMedicalInstitution ? InternalMedicalStatus.Established
        : IsApplyingForInternalMedicalInstitution ? InternalMedicalStatus.Applying : InternalMedicalStatus.None;

    /// <summary>绍市民〔2024〕6号: 养老机构 with 50 or more residents should set up an internal medical institution.</summary>
    public bool ShouldSetUpInternalMedicalInstitution =>
        Kind == ElderCareInstitutionKind.NursingHome && Residents >= 50 && !HasInternalMedicalInstitution;

    /// <summary>
    /// The tenant admin's edit: every field. The 统一社会信用代码 is required here (null only on rows that predate the
    /// field; the next edit requires it).
    /// </summary>
    public void Update(ElderCareInstitutionDetails details)
    {
        SetIdentity(details.CountyId, details.Name, details.CreditCode);
        Kind = details.Kind;
        RegistrationNumber = InstitutionRules.RequireRegistration(details.RegistrationNumber, "备案（登记）号");
        HasInternalMedicalInstitution = details.HasInternalMedicalInstitution;
        IsApplyingForInternalMedicalInstitution &= !HasInternalMedicalInstitution;
        SetCapacity(details.Beds, details.Residents);
        SetContact(details.Contact);
    }

    /// <summary>The institution's own edit: contact and capacity, nothing that identifies or qualifies it.</summary>
    public void UpdateProfile(InstitutionContact contact, int beds, int residents)
    {
        SetCapacity(beds, residents);
        SetContact(contact);
    }

    /// <summary>The home's own report: applying (申办中) for a 内设医疗机构 or not; once 已设 there is nothing to apply for.</summary>
    public void ReportInternalMedicalApplication(bool applying)
    {
        if (applying && HasInternalMedicalInstitution)
        {
            throw new DomainException("本机构已设内设医疗机构，无需申办。");
        }

        IsApplyingForInternalMedicalInstitution = applying;
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
