using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Tenancy;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Platform;

/// <summary>A new city deployment: the tenant's slug, name and GB/T 2260 code, and its counties.</summary>
public sealed record NewCity(string Slug, string Name, string DivisionCode, IReadOnlyList<CountyLine> Counties);

/// <summary>The city's first 租户管理员; they open every other account of the city (账户管理).</summary>
public sealed record FirstAdmin(string Email, string DisplayName);

/// <summary>The city as created, and the first administrator's initial password (shown once) when one was opened.</summary>
public sealed record ProvisionedCity(Tenant Tenant, string? AdminPassword);

/// <summary>Another operator took the slug or the code between the check and the save (the unique index refused it).</summary>
public sealed class CityTakenException(string field, Exception inner) : Exception("City taken: " + field, inner)
{
    /// <summary><c>Slug</c> or <c>DivisionCode</c>.</summary>
    public string Field { get; } = field;
}

/// <summary>Identity refused the first admin's account (e.g. characters it does not take in a user name).</summary>
public sealed class CityAdminRefusedException(string reasons) : Exception("First tenant admin refused: " + reasons)
{
    public string Reasons { get; } = reasons;
}

/// <summary>
/// The one way a city comes into being (ADR 054), for the platform operator's 新增城市 and for the demo seeder: the
/// tenant, its counties, the national holidays (<see cref="NationalHolidays"/>), the standard service catalogue and,
/// optionally, the first 租户管理员, in one transaction. The tenant-owned rows are written in a scope whose tenant is
/// the new city, so row-level security checks each of them as on a request.
/// </summary>
public static class CityProvisioning
{
    public static async Task<ProvisionedCity> CreateAsync(
        IServiceScopeFactory scopes, NewCity city, FirstAdmin? admin, CancellationToken cancellationToken)
    {
        var tenant = new Tenant(city.Slug, city.Name, city.DivisionCode);
        var counties = city.Counties.Select(c => new County(tenant.Id, c.Code, c.Name, c.Kind)).ToList();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant.Id, tenant.Slug, tenant.Name);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Tenants.Add(tenant); // tenants carry no row-level security: the root of tenancy
        db.Counties.AddRange(counties);
        db.CalendarDays.AddRange(NationalHolidays.All.Select(d => new CalendarDay(tenant.Id, d.Date, d.Kind, d.Name)));
        db.ServiceItems.AddRange(StandardCatalogue.CreateFor(tenant.Id));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique
                                          && unique.ConstraintName?.StartsWith("ix_tenants_", StringComparison.Ordinal) == true)
        {
            throw new CityTakenException(unique.ConstraintName.Contains("division_code", StringComparison.Ordinal) ? "DivisionCode" : "Slug", e);
        }

        string? password = null;
        if (admin is not null)
        {
            password = InitialPasswords.Generate();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = PortalUser.Create(tenant.Id, admin.Email.Trim(), admin.DisplayName.Trim(), RoleAssignment.TenantAdmin());
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                // Nothing is kept: the transaction is rolled back when it is disposed uncommitted.
                throw new CityAdminRefusedException(string.Join("；", result.Errors.Select(e => e.Description)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new ProvisionedCity(tenant, password);
    }
}
