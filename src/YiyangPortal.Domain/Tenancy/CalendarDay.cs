using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Tenancy;

/// <summary>What a calendar day is, against the ordinary week.</summary>
public enum CalendarDayKind
{
    /// <summary>法定节假日 (or a day off moved onto a weekday): no one works, deadlines move past it.</summary>
    Holiday = 1,

    /// <summary>调休上班: a weekend day worked in exchange; a deadline may end on it.</summary>
    Workday = 2,
}

/// <summary>
/// One day of a tenant's holiday calendar (issue 11 point 9): the national 法定节假日 and 调休 as the State Council
/// publishes them each year, seeded for 2025–2027 (<see cref="NationalHolidays"/>) and editable by the tenant
/// administrator. Used for deadlines (民法典 第二百零三条, <see cref="HolidayCalendar"/>).
/// </summary>
public sealed class CalendarDay : ITenantOwned, IRecordsChanges
{
    public const int NameMaxLength = 30;

    private CalendarDay()
    {
        Name = string.Empty;
    }

    public CalendarDay(Guid tenantId, DateOnly date, CalendarDayKind kind, string name)
    {
        if (Problems(date, kind, name) is [var first, ..])
        {
            throw new DomainException(first.Text);
        }

        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        Date = date;
        Kind = kind;
        Name = name.Trim();
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public DateOnly Date { get; private set; }

    public CalendarDayKind Kind { get; private set; }

    /// <summary>E.g. 国庆节、中秋节 or 国庆节调休上班.</summary>
    public string Name { get; private set; }

    /// <summary>What is wrong with these values, keyed by form field.</summary>
    public static IReadOnlyList<FieldError> Problems(DateOnly? date, CalendarDayKind? kind, string? name)
    {
        var errors = new List<FieldError>();
        if (date is not { } d)
        {
            errors.Add(new FieldError("Date", "请填写日期。"));
        }
        else if (d.Year is < 2000 or > 2099)
        {
            errors.Add(new FieldError("Date", "日期应在 2000 年至 2099 年之间。"));
        }

        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            errors.Add(new FieldError("Kind", "请选择放假或调休上班。"));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new FieldError("Name", "请填写节日名称，例如“国庆节”。"));
        }
        else if (name.Trim().Length > NameMaxLength)
        {
            errors.Add(new FieldError("Name", new DomainMessage("名称不能超过 {0} 个字。", NameMaxLength)));
        }

        return errors;
    }
}
