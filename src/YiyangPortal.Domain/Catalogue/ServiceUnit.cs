namespace YiyangPortal.Domain.Catalogue;

/// <summary>The unit a service item is counted and priced in.</summary>
public enum ServiceUnit
{
    /// <summary>次.</summary>
    PerVisit = 1,

    /// <summary>次/周.</summary>
    TimesPerWeek = 2,

    /// <summary>次/月.</summary>
    TimesPerMonth = 3,

    /// <summary>次/年.</summary>
    TimesPerYear = 4,

    /// <summary>人次.</summary>
    PerPerson = 5,

    /// <summary>月 (a monthly service).</summary>
    PerMonth = 6,

    /// <summary>年 (a yearly service).</summary>
    PerYear = 7,

    /// <summary>床日 (家庭病床 per bed-day).</summary>
    PerBedDay = 8,
}
