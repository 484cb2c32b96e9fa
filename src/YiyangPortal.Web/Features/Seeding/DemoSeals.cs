using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Web.Features.Seals;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>
/// The demo city's seals (issue 14), before its agreements are built: every demo account of an institution holds
/// its 用印 right (so the demo journeys can sign), and every institution of a demo agreement has its seal, issued
/// once here rather than by the counties built side by side.
/// </summary>
internal static class DemoSeals
{
    public static async Task EnsureAsync(SeedingScope scope, DemoData.TenantSeed seed, DemoData.Lookup lookup, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var accounts = await db.Users.Where(u => u.Role == PortalRole.ElderCareStaff || u.Role == PortalRole.MedicalAdmin)
            .Where(u => !db.SealHolders.Any(h => h.UserId == u.Id)).ToListAsync(cancellationToken);
        foreach (var account in accounts)
        {
            await SealRights.GrantAsync(db, account, null, scope.Clock.GetUtcNow());
        }

        var seals = scope.Services.GetRequiredService<SealAuthority>();
        var parties = seed.Agreements.Select(a => (AgreementParty.ElderCare, lookup.ElderCare[a.Home]))
            .Concat(seed.Agreements.Select(a => (AgreementParty.Medical, lookup.Medical[a.Partner])))
            .Distinct();
        foreach (var (party, institutionId) in parties)
        {
            await seals.EnsureSealAsync(party, institutionId, scope.Clock);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
