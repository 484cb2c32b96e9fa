using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.Roster;

/// <summary>The outcome of a roster change: saved, or the problems by field, or a conflict with another user's change.</summary>
public sealed record RosterOutcome(IReadOnlyList<FieldError> Problems, bool Conflict = false)
{
    public static readonly RosterOutcome Done = new([]);

    public bool Saved => Problems.Count == 0 && !Conflict;
}

/// <summary>
/// 人员名册 (issue 15): one clinic's staff, changed only through here. The domain says what a valid entry is
/// (<see cref="StaffMember.Problems(string?, ProfessionalTitle?, IEnumerable{string})"/>); this class supplies the
/// clinic's other active names and saves against the version the user saw (xmin), so two people editing at once get
/// a conflict, never a silent overwrite. Members are never deleted: service records name them (with their own
/// snapshot of name and title), so leaving is <see cref="StaffMember.Deactivate"/>.
/// </summary>
public sealed class StaffRoster(PortalDbContext db)
{
    public Task<StaffMember?> FindAsync(Guid clinicId, Guid memberId, CancellationToken cancellationToken) =>
        db.StaffMembers.SingleOrDefaultAsync(s => s.Id == memberId && s.MedicalInstitutionId == clinicId, cancellationToken);

    public uint VersionOf(StaffMember member) => db.Entry(member).Property<uint>("xmin").CurrentValue;

    public async Task<RosterOutcome> AddAsync(
        Guid tenantId, Guid clinicId, string? name, ProfessionalTitle? title, CancellationToken cancellationToken)
    {
        var problems = StaffMember.Problems(name, title, await ActiveNamesAsync(clinicId, null, cancellationToken));
        if (problems.Count > 0)
        {
            return new RosterOutcome(problems);
        }

        db.StaffMembers.Add(new StaffMember(tenantId, clinicId, name!, title!.Value));
        await db.SaveChangesAsync(cancellationToken);
        return RosterOutcome.Done;
    }

    public async Task<RosterOutcome> ChangeAsync(
        StaffMember member, uint? version, string? name, ProfessionalTitle? title, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var others = member.IsActive ? await ActiveNamesAsync(member.MedicalInstitutionId, member.Id, cancellationToken) : [];
        var problems = StaffMember.Problems(name, title, others);
        if (problems.Count > 0)
        {
            return new RosterOutcome(problems);
        }

        member.Change(name!, title!.Value);
        return await SaveAsync(member, version, cancellationToken);
    }

    /// <summary>Off the roster (left) or back on it; back only if no active member has the name meanwhile.</summary>
    public async Task<RosterOutcome> SetActiveAsync(StaffMember member, uint? version, bool active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (active && !member.IsActive
            && StaffMember.DuplicateProblem(member.Name, await ActiveNamesAsync(member.MedicalInstitutionId, member.Id, cancellationToken)) is { } taken)
        {
            return new RosterOutcome([taken with { Field = string.Empty }]);
        }

        if (active)
        {
            member.Reactivate();
        }
        else
        {
            member.Deactivate();
        }

        return await SaveAsync(member, version, cancellationToken);
    }

    private async Task<RosterOutcome> SaveAsync(StaffMember member, uint? version, CancellationToken cancellationToken)
    {
        if (version is { } seen)
        {
            db.Entry(member).Property<uint>("xmin").OriginalValue = seen;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return RosterOutcome.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new RosterOutcome([], Conflict: true);
        }
    }

    private Task<List<string>> ActiveNamesAsync(Guid clinicId, Guid? except, CancellationToken cancellationToken) =>
        db.StaffMembers.AsNoTracking()
            .Where(s => s.MedicalInstitutionId == clinicId && s.IsActive && s.Id != except)
            .Select(s => s.Name).ToListAsync(cancellationToken);
}
