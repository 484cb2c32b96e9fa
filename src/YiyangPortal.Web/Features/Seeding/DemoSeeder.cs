using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Coverage;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Platform;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>What the seeding step reports: the named accounts, how many more it generated, and the password if set now.</summary>
public sealed record SeedResult(IReadOnlyList<SeededAccount> Accounts, int GeneratedAccounts, int Agreements, string? NewPassword);

public sealed record SeededAccount(string Tenant, string Email, PortalRole Role, bool Created);

/// <summary>
/// The one way demo data gets in (the <c>seed</c> command, the tests' template database): tenants, counties, the
/// demo city's institutions and fee schedules, the accounts, and then every demo agreement built by
/// <see cref="AgreementBuilder"/> through the real workflows, dated in the past on a <see cref="SeedClock"/>
/// (docs/decisions/016). Each tenant's rows are written in a scope whose tenant is set, so row-level security checks
/// every insert. Idempotent: what exists (by name, e-mail, or a home that already has agreements) is left alone.
/// </summary>
public sealed class DemoSeeder(IServiceScopeFactory scopes)
{
    public async Task<SeedResult> SeedAsync(string? configuredPassword, CancellationToken cancellationToken)
    {
        var password = new DemoPassword(string.IsNullOrEmpty(configuredPassword) ? InitialPasswords.Generate() : configuredPassword);
        var accounts = new List<SeededAccount>();
        var generated = 0;
        var agreements = 0;
        foreach (var tenantSeed in DemoData.Tenants)
        {
            var tenant = await EnsureTenantAsync(tenantSeed, cancellationToken);
            await using var scope = await SeedingScope.OpenAsync(scopes, tenant.Slug, cancellationToken);
            var lookup = await EnsureReferenceDataAsync(scope, tenant.Id, tenantSeed, cancellationToken);
            var users = scope.Services.GetRequiredService<UserManager<PortalUser>>();
            foreach (var account in tenantSeed.Accounts)
            {
                var created = await EnsureUserAsync(users, password, tenant.Id, account.Email, account.DisplayName, account.Bind(lookup));
                accounts.Add(new SeededAccount(tenant.Name, account.Email, account.Bind(lookup).Role, created));
            }

            foreach (var account in DemoAccounts.Generated(tenantSeed, lookup))
            {
                generated += await EnsureUserAsync(users, password, tenant.Id, account.Email, account.DisplayName, account.Bind(lookup)) ? 1 : 0;
            }

            await DemoSeals.EnsureAsync(scope, tenantSeed, lookup, cancellationToken);
            agreements += await EnsureAgreementsAsync(tenant.Slug, tenantSeed, lookup, cancellationToken);
            await DemoSupplement.EnsureAsync(scope, lookup, cancellationToken);
            await DemoFulfilment.EnsureAsync(scope, lookup, cancellationToken);
            await DemoSignInSheets.EnsureAsync(scope, lookup, cancellationToken);
            await DemoSupervision.EnsureAsync(scope, lookup, cancellationToken);
            await DemoSixOnes.EnsureAsync(scope, lookup, cancellationToken);
            await DemoClinicTraining.EnsureAsync(scope, lookup, cancellationToken);
            await DemoFees.EnsureAsync(scope, lookup, cancellationToken);
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var created = await EnsureUserAsync(
                users, password, null, DemoData.PlatformAdminEmail, "平台运维", RoleAssignment.PlatformAdmin());
            accounts.Add(new SeededAccount("（平台）", DemoData.PlatformAdminEmail, PortalRole.PlatformAdmin, created));
        }

        // The password is only worth printing when some account was created with it.
        var printable = accounts.Exists(a => a.Created) || generated > 0 ? password.Text : null;
        return new SeedResult(accounts, generated, agreements, printable);
    }

    /// <summary>
    /// Builds the tenant's demo agreements, except for homes that already have agreements (a reseed adds nothing).
    /// Counties are built side by side, each in its own scope: their document numbers, filings and totals never meet.
    /// </summary>
    private async Task<int> EnsureAgreementsAsync(
        string slug, DemoData.TenantSeed seed, DemoData.Lookup lookup, CancellationToken cancellationToken)
    {
        var counties = seed.ElderCare.ToDictionary(e => e.Name, e => e.County);
        var built = 0;
        await Parallel.ForEachAsync(
            seed.Agreements.GroupBy(a => counties[a.Home]),
            new ParallelOptions { MaxDegreeOfParallelism = 3, CancellationToken = cancellationToken },
            async (county, token) =>
            {
                await using var scope = await SeedingScope.OpenAsync(scopes, slug, token);
                var today = BeijingTime.Today(scope.Clock.Latest);
                var homes = county.Select(a => lookup.ElderCare[a.Home]).Distinct().ToList();
                var started = await scope.Db.Agreements.Where(a => homes.Contains(a.ElderCareInstitutionId))
                    .Select(a => a.ElderCareInstitutionId).Distinct().ToListAsync(token);
                foreach (var agreement in county.Where(a => !started.Contains(lookup.ElderCare[a.Home])))
                {
                    token.ThrowIfCancellationRequested();
                    await scope.Builder.BuildAsync(Story(agreement, lookup, today));
                    Interlocked.Increment(ref built);
                }
            });
        return built;
    }

    /// <summary>The seed's days ago as instants: office hours in Beijing, a little different for each agreement.</summary>
    private static AgreementStory Story(DemoData.AgreementSeed seed, DemoData.Lookup lookup, DateOnly today)
    {
        var minutes = (seed.Home + seed.Partner + seed.Target).Aggregate(7, (h, c) => unchecked((h * 31) + c)) & 0x7fffffff;
        var at = BeijingTime.StartOfDayUtc(today.AddDays(-seed.DaysAgo)).AddHours(9).AddMinutes(minutes % 420);
        return new AgreementStory(lookup.ElderCare[seed.Home], lookup.Medical[seed.Partner], seed.Template, seed.Target, at)
        {
            CivilAffairs = seed.CivilAffairs,
            Health = seed.Health,
            HealthBureauOfPartnerCounty = seed.HealthBureauOfPartnerCounty,
            ElderCareSignsFirst = seed.ElderCareSignsFirst,
            TerminatedAt = seed.TerminatedDaysAgo is { } t ? BeijingTime.StartOfDayUtc(today.AddDays(-t)).AddHours(15) : null,
            Term = seed.TermEndedDaysAgo is { } e ? new ValidityPeriod(today.AddDays(-e).AddYears(-1).AddDays(1), today.AddDays(-e)) : null,
        };
    }

    private async Task<Tenant> EnsureTenantAsync(DemoData.TenantSeed seed, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (await db.Tenants.SingleOrDefaultAsync(t => t.Slug == seed.Slug, cancellationToken) is { } existing)
        {
            return existing;
        }

        // The platform operator's 新增城市 step (ADR 054): the city, its counties, holidays and catalogue at once.
        var city = new NewCity(seed.Slug, seed.Name, seed.DivisionCode, [.. seed.Counties.Select(c => new CountyLine(c.Code, c.Name, c.Kind))]);
        return (await CityProvisioning.CreateAsync(scopes, city, admin: null, cancellationToken)).Tenant;
    }

    private static async Task<DemoData.Lookup> EnsureReferenceDataAsync(
        SeedingScope scope, Guid tenantId, DemoData.TenantSeed seed, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var counties = await db.Counties.ToDictionaryAsync(c => c.Name, cancellationToken); // made with the city

        var elderCare = await db.ElderCareInstitutions.ToDictionaryAsync(i => i.Name, cancellationToken);
        foreach (var (e, ordinal) in seed.ElderCare.Select((e, i) => (e, i + 1)).Where(p => !elderCare.ContainsKey(p.e.Name)))
        {
            var details = DemoInstitutions.ElderCare(seed, e, counties[e.County], ordinal);
            elderCare[e.Name] = db.ElderCareInstitutions.Add(new ElderCareInstitution(tenantId, details)).Entity;
        }

        var medical = await db.MedicalInstitutions.ToDictionaryAsync(i => i.Name, cancellationToken);
        foreach (var (m, ordinal) in seed.Medical.Select((m, i) => (m, i + 1)).Where(p => !medical.ContainsKey(p.m.Name)))
        {
            var details = DemoInstitutions.Medical(seed, m, counties[m.County], ordinal);
            medical[m.Name] = db.MedicalInstitutions.Add(new MedicalInstitution(tenantId, details)).Entity;
        }

        // Targets are the tenant's to edit: seeded once, never reset by a reseed.
        if (!await db.CoverageTargets.AnyAsync(cancellationToken))
        {
            db.CoverageTargets.AddRange(seed.Targets.Select(t => new CoverageTarget(tenantId, t.Measure, t.Percent, t.Deadline, t.Source)));
        }

        await db.SaveChangesAsync(cancellationToken);
        await DemoCatalogue.EnsureAsync(
            db, tenantId, seed.Medical.Select(m => medical[m.Name]), m => seed.PriceLevel(m.Name),
            BeijingTime.Today(scope.Clock.Latest), cancellationToken);
        db.ChangeTracker.Clear();
        return new DemoData.Lookup(
            counties.ToDictionary(p => p.Key, p => p.Value.Id),
            elderCare.ToDictionary(p => p.Key, p => p.Value.Id),
            medical.ToDictionary(p => p.Key, p => p.Value.Id));
    }

    private static async Task<bool> EnsureUserAsync(
        UserManager<PortalUser> users, DemoPassword password, Guid? tenantId, string email, string displayName, RoleAssignment assignment)
    {
        if (await users.FindByNameAsync(email) is not null)
        {
            return false;
        }

        var user = PortalUser.Create(tenantId, email, displayName, assignment);
        IdentityResult result;
        if (password.Hash is { } hash)
        {
            // Hashing is slow on purpose (PBKDF2); every demo account has the same password, so hash it once.
            user.PasswordHash = hash;
            result = await users.CreateAsync(user);
        }
        else
        {
            result = await users.CreateAsync(user, password.Text);
            password.Hash = user.PasswordHash;
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }

        return true;
    }

    /// <summary>The demo password and, once the first account was created with it (validated, hashed), its hash.</summary>
    private sealed class DemoPassword(string text)
    {
        public string Text { get; } = text;

        public string? Hash { get; set; }
    }
}
