using YiyangPortal.Domain.Identity;
using static YiyangPortal.Web.Features.Seeding.DemoData;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>
/// Accounts beyond the named ones of the README, so that every demo agreement has people on both sides and every
/// filing a bureau to review it: one account for each institution that takes part in a demo agreement and has no
/// named account, and, in a city with regulator accounts, a 民政 and a 卫健 reviewer for each county without one.
/// They sign in with the same demo password (e.g. <c>minzheng-330603@shaoxing.demo</c> for 柯桥区民政局).
/// </summary>
internal static class DemoAccounts
{
    public static IEnumerable<AccountSeed> Generated(TenantSeed tenant, Lookup lookup)
    {
        var bound = tenant.Accounts.Select(a => a.Bind(lookup)).ToList();
        var homes = tenant.Agreements.Select(a => a.Home).ToHashSet();
        var partners = tenant.Agreements.Select(a => a.Partner).ToHashSet();
        foreach (var (home, n) in tenant.ElderCare.Select((e, i) => (e, i + 1)).Where(p => homes.Contains(p.e.Name)))
        {
            var id = lookup.ElderCare[home.Name];
            if (!bound.Exists(b => b.ElderCareInstitutionId == id))
            {
                yield return new AccountSeed(
                    $"eldercare-{n:000}@{tenant.Slug}.demo", $"{DemoInstitutions.Person(n + 5)}（{home.Name}）", l => RoleAssignment.ElderCareStaff(id));
            }
        }

        foreach (var (medical, n) in tenant.Medical.Select((m, i) => (m, i + 1)).Where(p => partners.Contains(p.m.Name)))
        {
            var id = lookup.Medical[medical.Name];
            if (!bound.Exists(b => b.MedicalInstitutionId == id))
            {
                yield return new AccountSeed(
                    $"medical-{n:000}@{tenant.Slug}.demo", $"{DemoInstitutions.Person(n + 11)}（{medical.Name}）", l => RoleAssignment.MedicalAdmin(id));
            }
        }

        if (!bound.Exists(b => b.Role == PortalRole.Regulator))
        {
            yield break;
        }

        foreach (var (county, n) in tenant.Counties.Select((c, i) => (c, i + 1)))
        {
            var id = lookup.Counties[county.Name];
            foreach (var (bureau, prefix, name) in new[] { (Bureau.CivilAffairs, "minzheng", "民政局"), (Bureau.Health, "weijian", "卫生健康局") })
            {
                if (!bound.Exists(b => b.Bureau == bureau && b.CountyId == id))
                {
                    yield return new AccountSeed(
                        $"{prefix}-{county.Code}@{tenant.Slug}.demo", $"{county.Name}{name} {DemoInstitutions.Person((n * 2) + (int)bureau)}",
                        _ => RoleAssignment.CountyRegulator(bureau, id));
                }
            }
        }
    }
}
