using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;

namespace YiyangPortal.Web.Features.Roster;

/// <summary>A roster entry as typed: the title as text, so an unknown one comes back with its message.</summary>
public sealed class RosterForm
{
    public string? Name { get; set; }

    public string? Title { get; set; }

    /// <summary>The member's row version (xmin) the edit form was rendered with; null for a new member.</summary>
    public uint? Version { get; set; }

    /// <summary>One of the enum's names (the select's values); anything else is an unknown title.</summary>
    public ProfessionalTitle? ParsedTitle =>
        Enum.GetNames<ProfessionalTitle>().Contains(Title?.Trim()) ? Enum.Parse<ProfessionalTitle>(Title!.Trim()) : null;

    public static RosterForm Of(StaffMember member, uint version) =>
        new() { Name = member.Name, Title = member.Title.ToString(), Version = version };
}

/// <summary>A roster line: the member and the row version its button carries.</summary>
public sealed record RosterLine(StaffMember Member, uint Version);

/// <summary>人员名册 of the signed-in clinic: active members first, then those who left; the add form.</summary>
public sealed record RosterPage(string InstitutionName, IReadOnlyList<RosterLine> Lines, RosterForm Form);

/// <summary>One member's edit page.</summary>
public sealed record RosterEditPage(StaffMember Member, RosterForm Form);
