using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Tenancy;
using YiyangPortal.Web.Features.Seals;
using YiyangPortal.Web.Features.Seeding;

namespace YiyangPortal.TestSupport;

/// <summary>An institution a test made for itself, with the e-mail of its account (password: the demo password).</summary>
public sealed record TestInstitution(Guid Id, string Name, string Email);

/// <summary>
/// Data a test makes for itself (bitwarden's OrganizationTestHelpers): institutions with an account, counties,
/// regulators, and agreements in any state built by the same <see cref="AgreementBuilder"/> as the demo seeding,
/// so they carry audit chains, rendered PDFs, filings and messages. Everything goes through a scope whose tenant is
/// set, like a request, so row-level security applies.
/// </summary>
public static class TestData
{
    public const string Shaoxing = "shaoxing";

    public static async Task<T> InTenantAsync<T>(PortalAppFactory app, string slug, Func<PortalDbContext, Task<T>> work)
    {
        var result = default(T)!;
        await InTenantAsync(app, slug, async (db, _) => result = await work(db));
        return result;
    }

    /// <summary>Runs <paramref name="work"/> in a scope of the tenant <paramref name="slug"/>, as a request would (RLS on).</summary>
    public static async Task InTenantAsync(PortalAppFactory app, string slug, Func<PortalDbContext, IServiceProvider, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == slug);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant.Id, tenant.Slug, tenant.Name);
        await work(db, scope.ServiceProvider);
    }

    /// <summary>An agreement in any state, through the real workflows (see <see cref="AgreementStory"/>).</summary>
    public static async Task<Agreement> AgreementAsync(PortalAppFactory app, AgreementStory story, string slug = Shaoxing)
    {
        await using var scope = await SeedingScope.OpenAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), slug);
        return await scope.Builder.BuildAsync(story);
    }

    public static Task<Guid> ElderCareIdAsync(PortalAppFactory app, string name, string slug = Shaoxing) =>
        InTenantAsync(app, slug, db => db.ElderCareInstitutions.Where(i => i.Name == name).Select(i => i.Id).SingleAsync());

    public static Task<Guid> MedicalIdAsync(PortalAppFactory app, string name, string slug = Shaoxing) =>
        InTenantAsync(app, slug, db => db.MedicalInstitutions.Where(i => i.Name == name).Select(i => i.Id).SingleAsync());

    /// <summary>A county of its own, so that a test can count what is in it.</summary>
    public static Task<County> NewCountyAsync(PortalAppFactory app, string name, string slug = Shaoxing) =>
        InTenantAsync(app, slug, async db =>
        {
            var tenant = await db.Tenants.SingleAsync(t => t.Slug == slug);

            // 3398xx is no real division: it never collides with the demo counties (TestParties uses 3390xx).
            var taken = await db.Counties.Select(c => c.DivisionCode).ToListAsync();
            var code = Enumerable.Range(0, 100).Select(n => $"3398{n:00}").First(c => !taken.Contains(c));
            var county = db.Counties.Add(new County(tenant.Id, code, name, CountyKind.County)).Entity;
            await db.SaveChangesAsync();
            return county;
        });

    /// <summary>A 养老服务机构 with a staff account.</summary>
    public static async Task<TestInstitution> NewElderCareAsync(
        PortalAppFactory app, string county, ElderCareInstitutionKind kind = ElderCareInstitutionKind.NursingHome,
        int beds = 100, int residents = 60, bool internalMedical = false, string slug = Shaoxing)
    {
        var name = $"测试养老院{Unique()}";
        var id = await InTenantAsync(app, slug, async db =>
        {
            var place = await db.Counties.SingleAsync(c => c.Name == county);
            var details = new ElderCareInstitutionDetails(
                place.Id, name, kind, $"TEST-YL-{Unique()}",
                UnifiedSocialCreditCode.Complete($"52{place.DivisionCode}MJ{Random.Shared.Next(5_000_000, 10_000_000)}"),
                beds, kind == ElderCareInstitutionKind.CommunityHomeCare ? 0 : residents, internalMedical, Contact());
            var institution = db.ElderCareInstitutions.Add(new ElderCareInstitution(place.TenantId, details)).Entity;
            await db.SaveChangesAsync();
            return institution.Id;
        });
        return new TestInstitution(id, name, await NewAccountAsync(app, slug, $"staff-{Unique()}@test.demo", $"测试员（{name}）", RoleAssignment.ElderCareStaff(id)));
    }

    /// <summary>A 医疗卫生机构 with the demo fee schedule and an admin account.</summary>
    public static async Task<TestInstitution> NewMedicalAsync(
        PortalAppFactory app, string county, MedicalInstitutionKind kind = MedicalInstitutionKind.CommunityHealthCenter,
        HospitalGrade? grade = null, string slug = Shaoxing)
    {
        var name = $"测试医疗机构{Unique()}";
        var id = await InTenantAsync(app, slug, async db =>
        {
            var place = await db.Counties.SingleAsync(c => c.Name == county);
            var details = new MedicalInstitutionDetails(
                place.Id, name, kind, grade ?? (kind.GradeProblem(HospitalGrade.Level1) is not null ? HospitalGrade.Ungraded : kind.IsPrimaryLevel() ? HospitalGrade.Level1 : HospitalGrade.Level2), $"TEST-YY-{Unique()}",
                UnifiedSocialCreditCode.Complete($"12{place.DivisionCode}4{Random.Shared.Next(50_000_000, 100_000_000)}"),
                true, true, Contact());
            var institution = db.MedicalInstitutions.Add(new MedicalInstitution(place.TenantId, details)).Entity;
            await db.SaveChangesAsync();
            await DemoCatalogue.EnsureAsync(
                db, place.TenantId, [institution], _ => 1m, BeijingTime.Today(DateTimeOffset.UtcNow), CancellationToken.None);
            return institution.Id;
        });
        return new TestInstitution(id, name, await NewAccountAsync(app, slug, $"clinic-{Unique()}@test.demo", $"测试医生（{name}）", RoleAssignment.MedicalAdmin(id)));
    }

    /// <summary>A county regulator of one bureau; returns the account's e-mail.</summary>
    public static async Task<string> NewRegulatorAsync(PortalAppFactory app, Bureau bureau, string county, string slug = Shaoxing)
    {
        var countyId = await InTenantAsync(app, slug, db => db.Counties.Where(c => c.Name == county).Select(c => c.Id).SingleAsync());
        return await NewAccountAsync(
            app, slug, $"regulator-{Unique()}@test.demo", $"{county}测试审核员", RoleAssignment.CountyRegulator(bureau, countyId));
    }

    /// <summary>An effective agreement of <paramref name="home"/> with <paramref name="partner"/>, signed at <paramref name="signedAt"/>.</summary>
    public static AgreementStory Effective(Guid home, Guid partner, DateTimeOffset signedAt, AgreementTemplate template = AgreementTemplate.ProjectCooperation) =>
        new(home, partner, template, AgreementStatus.Effective, signedAt);

    private static async Task<string> NewAccountAsync(PortalAppFactory app, string slug, string email, string displayName, RoleAssignment role)
    {
        await InTenantAsync(app, slug, async (db, services) =>
        {
            var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == slug);
            var user = PortalUser.Create(tenant.Id, email, displayName, role);
            var result = await services.GetRequiredService<UserManager<PortalUser>>().CreateAsync(user, PortalAppFactory.DemoPassword);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            // A test's institution accounts may sign: they hold their institution's 用印 right (issue 14).
            await SealRights.GrantAsync(db, user, null, DateTimeOffset.UnixEpoch);
            await db.SaveChangesAsync();
        });
        return email;
    }

    private static InstitutionContact Contact() => new("测试市测试路 1 号", "测试法人", "测试联系人", "0575-88000000");

    private static string Unique() => Guid.NewGuid().ToString("N")[..8];
}
