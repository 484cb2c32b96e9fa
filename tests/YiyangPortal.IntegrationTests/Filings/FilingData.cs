using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Seeding;
using YiyangPortal.Infrastructure.Tenancy;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Filings;

/// <summary>Reads and writes a tenant's rows the way a request does (tenant set on the scope, RLS on).</summary>
internal static class FilingData
{
    public static async Task<T> InTenantAsync<T>(PortalAppFactory app, string slug, Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.Slug == slug);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant.Id, tenant.Slug, tenant.Name);
        return await work(db);
    }

    /// <summary>The demo filing of an agreement for a bureau in a county (by name).</summary>
    public static Task<Filing> DemoFilingAsync(PortalAppFactory app, string documentNumber, Bureau bureau, string county) =>
        InTenantAsync(app, "shaoxing", db => (
            from f in db.Filings.AsNoTracking().Include(f => f.History)
            join a in db.Agreements on f.AgreementId equals a.Id
            join c in db.Counties on f.CountyId equals c.Id
            where a.DocumentNumber == documentNumber && f.Bureau == bureau && c.Name == county
            select f).SingleAsync());

    /// <summary>A new effective agreement of 福乐养老院 with a given partner, signed at <paramref name="signedAtUtc"/>.</summary>
    public static Task<IReadOnlyList<Filing>> NewAgreementAsync(PortalAppFactory app, string number, string medical, DateTimeOffset signedAtUtc) =>
        InTenantAsync(app, "shaoxing", async db =>
        {
            var elderCare = await db.ElderCareInstitutions.SingleAsync(e => e.Name == "越城区福乐养老院");
            var partner = await db.MedicalInstitutions.SingleAsync(m => m.Name == medical);
            var users = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id);
            var (_, filings) = await EffectiveAgreements.AddAsync(
                db, elderCare, partner, number, signedAtUtc, users["staff@shaoxing.demo"], users["clinic@shaoxing.demo"]);
            await db.SaveChangesAsync();
            return filings;
        });
}
