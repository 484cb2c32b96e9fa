namespace YiyangPortal.Web.Features.Institutions;

/// <summary>Filters of the admin lists, from the query string. Unknown values are ignored, not errors.</summary>
public sealed class InstitutionListQuery
{
    public string? Q { get; set; }

    public Guid? County { get; set; }

    /// <summary>The kind's enum name; parsed by each list for its own enumeration.</summary>
    public string? Kind { get; set; }

    public string? Grade { get; set; }

    /// <summary>true: only 基层; false: only non-基层.</summary>
    public bool? Primary { get; set; }

    /// <summary>true (default): active only; false: deactivated only.</summary>
    public bool? Active { get; set; } = true;

    public int Page { get; set; } = 1;

    public string? Search => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim()[..Math.Min(Q.Trim().Length, 50)];

    public TEnum? KindAs<TEnum>()
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(Kind, out var k) && Enum.IsDefined(k) ? k : null;
}

public sealed record CountyOption(Guid Id, string Name);
