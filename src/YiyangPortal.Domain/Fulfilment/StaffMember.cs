using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;

namespace YiyangPortal.Domain.Fulfilment;

/// <summary>
/// 人员名册: a member of a medical institution's staff who delivers services, with the professional title that decides
/// which clauses they may serve (附件1 一、二: 中级职称及以上医师). A service record copies name and title as they were on
/// the day, so a later promotion never rewrites what was delivered. Staff leave the roster by being made inactive, never deleted: the records that name them stay readable.
/// </summary>
public sealed class StaffMember : ITenantOwned
{
    public const int MaxNameLength = 50;

    private StaffMember()
    {
        Name = string.Empty;
    }

    public StaffMember(Guid tenantId, Guid medicalInstitutionId, string name, ProfessionalTitle title)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId == Guid.Empty ? throw new DomainException("缺少租户。") : tenantId;
        MedicalInstitutionId = medicalInstitutionId == Guid.Empty ? throw new DomainException("缺少医疗卫生机构。") : medicalInstitutionId;
        Name = string.Empty;
        Change(name, title);
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid MedicalInstitutionId { get; private set; }

    public string Name { get; private set; }

    public ProfessionalTitle Title { get; private set; }

    /// <summary>False once the person left: kept for the records that name them, offered for no new record.</summary>
    public bool IsActive { get; private set; }

    /// <summary>What is wrong with a roster entry's values, keyed by form field; empty when they can be taken.</summary>
    public static IReadOnlyList<FieldError> Problems(string? name, ProfessionalTitle? title)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new FieldError(nameof(Name), "请填写人员姓名。"));
        }
        else if (name.Trim().Length > MaxNameLength)
        {
            errors.Add(new FieldError(nameof(Name), new DomainMessage("人员姓名不能超过 {0} 个字。", MaxNameLength)));
        }

        if (title is not { } t || !Enum.IsDefined(t))
        {
            errors.Add(new FieldError(nameof(Title), "请选择职称。"));
        }

        return errors;
    }

    /// <summary>
    /// <see cref="Problems(string?, ProfessionalTitle?)"/> and one roster line per active person: a name already among
    /// <paramref name="otherActiveNames"/> (the institution's other active members) is refused at the name.
    /// </summary>
    public static IReadOnlyList<FieldError> Problems(string? name, ProfessionalTitle? title, IEnumerable<string> otherActiveNames)
    {
        ArgumentNullException.ThrowIfNull(otherActiveNames);
        var errors = Problems(name, title).ToList();
        if (errors.Count == 0 && DuplicateProblem(name!, otherActiveNames) is { } duplicate)
        {
            errors.Add(duplicate);
        }

        return errors;
    }

    /// <summary>The name is already an active member's: the same person typed twice, or a double submit.</summary>
    public static FieldError? DuplicateProblem(string name, IEnumerable<string> otherActiveNames)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(otherActiveNames);
        var trimmed = name.Trim();
        return otherActiveNames.Contains(trimmed, StringComparer.Ordinal)
            ? new FieldError(nameof(Name), new DomainMessage("{0}已在本机构人员名册中。", trimmed))
            : null;
    }

    public void Change(string name, ProfessionalTitle title)
    {
        if (Problems(name, title) is [var first, ..])
        {
            throw new DomainException(first.Text);
        }

        Name = name.Trim();
        Title = title;
    }

    public void Deactivate() => IsActive = false;

    /// <summary>Back on the roster (returned, or made inactive by mistake); the caller checks the name is not taken.</summary>
    public void Reactivate() => IsActive = true;
}
