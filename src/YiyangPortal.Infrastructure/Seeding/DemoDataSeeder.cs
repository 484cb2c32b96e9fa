using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Tenancy;

namespace YiyangPortal.Infrastructure.Seeding;

/// <summary>What the seeding step reports: the accounts, and the password if this run set one.</summary>
public sealed record SeedResult(IReadOnlyList<SeededAccount> Accounts, string? NewPassword);

public sealed record SeededAccount(string Tenant, string Email, PortalRole Role, bool Created);

/// <summary>
/// Idempotent demo data. It goes through the application role and the tenant walls like any request: each
/// tenant's rows are written in a scope whose tenant is set, so row-level security checks every insert.
/// </summary>
public sealed class DemoDataSeeder(IServiceScopeFactory scopes)
{
    public async Task<SeedResult> SeedAsync(string? configuredPassword, CancellationToken cancellationToken)
    {
        var password = string.IsNullOrEmpty(configuredPassword) ? GeneratePassword() : configuredPassword;
        var accounts = new List<SeededAccount>();

        foreach (var tenantSeed in DemoData.Tenants)
        {
            var tenant = await EnsureTenantAsync(tenantSeed, cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant.Id, tenant.Slug, tenant.Name);
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var lookup = await EnsureReferenceDataAsync(db, tenant.Id, tenantSeed, cancellationToken);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            foreach (var account in tenantSeed.Accounts)
            {
                var created = await EnsureUserAsync(users, tenant.Id, account.Email, account.DisplayName, account.Bind(lookup), password);
                accounts.Add(new SeededAccount(tenant.Name, account.Email, account.Bind(lookup).Role, created));
            }

            await DemoFilings.EnsureAsync(db, tenantSeed, lookup, cancellationToken);
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var created = await EnsureUserAsync(
                users, null, DemoData.PlatformAdminEmail, "平台运维", RoleAssignment.PlatformAdmin(), password);
            accounts.Add(new SeededAccount("（平台）", DemoData.PlatformAdminEmail, PortalRole.PlatformAdmin, created));
        }

        // The password is only worth printing when some account was created with it.
        var printable = accounts.Exists(a => a.Created) ? password : null;
        return new SeedResult(accounts, printable);
    }

    private async Task<Tenant> EnsureTenantAsync(DemoData.TenantSeed seed, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Slug == seed.Slug, cancellationToken);
        if (tenant is null)
        {
            tenant = new Tenant(seed.Slug, seed.Name, seed.DivisionCode);
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync(cancellationToken);
        }

        return tenant;
    }

    private static async Task<DemoData.Lookup> EnsureReferenceDataAsync(
        PortalDbContext db, Guid tenantId, DemoData.TenantSeed seed, CancellationToken cancellationToken)
    {
        var counties = await db.Counties.ToDictionaryAsync(c => c.Name, cancellationToken);
        foreach (var c in seed.Counties.Where(c => !counties.ContainsKey(c.Name)))
        {
            counties[c.Name] = db.Counties.Add(new County(tenantId, c.Code, c.Name, c.Kind)).Entity;
        }

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

        await db.SaveChangesAsync(cancellationToken);
        await DemoCatalogue.EnsureAsync(db, tenantId, seed.Medical.Select(m => medical[m.Name]), cancellationToken);
        return new DemoData.Lookup(
            counties.ToDictionary(p => p.Key, p => p.Value.Id),
            elderCare.ToDictionary(p => p.Key, p => p.Value.Id),
            medical.ToDictionary(p => p.Key, p => p.Value.Id));
    }

    private static async Task<bool> EnsureUserAsync(
        UserManager<PortalUser> users, Guid? tenantId, string email, string displayName, RoleAssignment assignment, string password)
    {
        if (await users.FindByNameAsync(email) is not null)
        {
            return false;
        }

        var user = PortalUser.Create(tenantId, email, displayName, assignment);
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }

        return true;
    }

    /// <summary>16 characters from an alphabet without look-alikes (0/O, 1/l/I): easy to type from a terminal.</summary>
    private static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
}
