using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Seals;
using YiyangPortal.Web.Features.Seeding;

namespace YiyangPortal.TestSupport;

/// <summary>How <see cref="TestParties.AgreementAsync"/> shapes an agreement on its way to the target state.</summary>
/// <param name="FirstSigner">Who signs first (for 部分签署: the only one who has signed).</param>
/// <param name="SignedAtUtc">When the signatures are made (filings fall due a month later); default now.</param>
/// <param name="TermEnd">The last day of the term; default about ten months from now.</param>
/// <param name="WithProposal">For 退回修改: the clinic proposed a change that 甲方 has to answer.</param>
public sealed record AgreementShape(
    AgreementParty FirstSigner = AgreementParty.Medical, DateTimeOffset? SignedAtUtc = null, DateOnly? TermEnd = null,
    bool WithProposal = false);

/// <summary>
/// A county of its own in a tenant, with a nursing home and a clinic, a user for each and the county's 民政 and 卫健
/// regulators (password <see cref="PortalAppFactory.DemoPassword"/>); and agreements and filings in any state, built
/// by <see cref="AgreementBuilder"/> through the real workflows (audit chain, PDFs, filings, notifications). Tests
/// that count something build on it, so no demo-seed row ever enters their figures.
/// </summary>
public sealed class TestParties
{
    private static int _sequence;
    private readonly PortalAppFactory _app;
    private int _agreements;

    private TestParties(PortalAppFactory app, string tenant, County county)
    {
        _app = app;
        Tenant = tenant;
        TenantId = county.TenantId;
        CountyId = county.Id;
        CountyName = county.Name;
        Code = county.DivisionCode;
    }

    public string Tenant { get; }

    public Guid TenantId { get; }

    public Guid CountyId { get; }

    public string CountyName { get; }

    public string Code { get; }

    public Guid HomeId { get; private set; }

    public string HomeName => CountyName + "测试养老院";

    public Guid ClinicId { get; private set; }

    public string ClinicName => CountyName + "测试社区卫生服务中心";

    public Guid StaffUserId { get; private set; }

    public Guid ClinicUserId { get; private set; }

    public Guid CivilAffairsUserId { get; private set; }

    public Guid HealthUserId { get; private set; }

    public string StaffEmail => $"staff-{Code}@test.demo";

    public string ClinicEmail => $"clinic-{Code}@test.demo";

    public string CivilAffairsEmail => $"minzheng-{Code}@test.demo";

    public string HealthEmail => $"weijian-{Code}@test.demo";

    /// <summary>Creates the county, the two institutions and the four accounts in <paramref name="tenant"/>.</summary>
    public static async Task<TestParties> CreateAsync(PortalAppFactory app, string tenant = "shaoxing")
    {
        // 3390xx is no real division: it never collides with the demo counties.
        var code = "339" + Interlocked.Increment(ref _sequence).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        TestParties? parties = null;
        await InTenantAsync(app, tenant, async (db, services) =>
        {
            var tenantId = (await db.Tenants.SingleAsync(t => t.Slug == tenant)).Id;
            code = await FreeCodeAsync(db, code);
            var county = new County(tenantId, code, "测试区" + code[3..], CountyKind.District);
            db.Counties.Add(county);
            parties = new TestParties(app, tenant, county);
            var contact = new InstitutionContact($"测试路 {code} 号", "王建国", "李秀英", "0575-88" + code);
            var home = new ElderCareInstitution(tenantId, new ElderCareInstitutionDetails(
                county.Id, parties.HomeName, ElderCareInstitutionKind.NursingHome, code + "YL2024001",
                UnifiedSocialCreditCode.Complete($"52{code}MJ{code}0"), 120, 60, false, contact));
            var clinic = new MedicalInstitution(tenantId, new MedicalInstitutionDetails(
                county.Id, parties.ClinicName, MedicalInstitutionKind.CommunityHealthCenter, HospitalGrade.Level1,
                $"PDY{code}A1{code}", UnifiedSocialCreditCode.Complete($"12{code}4{code}00"), false, true, contact));
            db.ElderCareInstitutions.Add(home);
            db.MedicalInstitutions.Add(clinic);
            await db.SaveChangesAsync();
            await DemoCatalogue.EnsureAsync(db, tenantId, [clinic], _ => 1m, BeijingTime.Today(DateTimeOffset.UtcNow), CancellationToken.None);
            (parties.HomeId, parties.ClinicId) = (home.Id, clinic.Id);

            var users = services.GetRequiredService<UserManager<PortalUser>>();
            parties.StaffUserId = await UserAsync(users, tenantId, parties.StaffEmail, "测试养老院员工", RoleAssignment.ElderCareStaff(home.Id));
            parties.ClinicUserId = await UserAsync(users, tenantId, parties.ClinicEmail, "测试医疗机构管理员", RoleAssignment.MedicalAdmin(clinic.Id));
            await GrantSealAsync(db, users, parties.StaffUserId);
            await GrantSealAsync(db, users, parties.ClinicUserId);
            parties.CivilAffairsUserId = await UserAsync(
                users, tenantId, parties.CivilAffairsEmail, "测试民政局", RoleAssignment.CountyRegulator(Bureau.CivilAffairs, county.Id));
            parties.HealthUserId = await UserAsync(
                users, tenantId, parties.HealthEmail, "测试卫健局", RoleAssignment.CountyRegulator(Bureau.Health, county.Id));
        });
        return parties!;
    }

    /// <summary>One more account in this tenant (e.g. a city-level regulator, or a second staff member).</summary>
    public async Task<Guid> AddUserAsync(string email, RoleAssignment assignment)
    {
        var id = Guid.Empty;
        await InTenantAsync(_app, Tenant, async (db, services) =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            id = await UserAsync(users, TenantId, email, email, assignment);
            await GrantSealAsync(db, users, id);
        });
        return id;
    }

    /// <summary>
    /// A 养医联合体服务协议 of this home and clinic built by the one agreement builder (<see cref="AgreementBuilder"/>,
    /// as the demo seeding builds its agreements), step by step through the real workflow, to <paramref name="target"/>.
    /// </summary>
    public Task<Agreement> AgreementAsync(AgreementStatus target, AgreementShape? shape = null)
    {
        shape ??= new AgreementShape();
        var at = shape.SignedAtUtc ?? DateTimeOffset.UtcNow;
        var started = BeijingTime.DateOf(at).AddDays(-7);
        return TestData.AgreementAsync(_app, new AgreementStory(HomeId, ClinicId, AgreementTemplate.MedicalElderCareConsortium, target, at)
        {
            DocumentNumber = $"T{Code}-{Interlocked.Increment(ref _agreements):0000}",
            ElderCareSignsFirst = shape.FirstSigner == AgreementParty.ElderCare,
            WithProposal = shape.WithProposal,
            Term = shape.TermEnd is { } end ? new ValidityPeriod(end > started ? started : end.AddYears(-1), end) : null,
        }, Tenant);
    }

    /// <summary>The filings of an effective agreement, moved on through the filing workflow: 已报送, or 已报送 then 需补正.</summary>
    public async Task<IReadOnlyList<Filing>> FilingsAsync(Guid agreementId, FilingStatus target = FilingStatus.Pending)
    {
        await using var scope = await SeedingScope.OpenAsync(_app.Services.GetRequiredService<IServiceScopeFactory>(), Tenant);
        var plan = new FilingPlan(target, SubmittedAfterDays: 0);
        return await scope.Builder.FileAsync(agreementId, plan, plan);
    }

    /// <summary>Runs <paramref name="work"/> in a scope of <paramref name="tenant"/>, as a request would (RLS on).</summary>
    public static Task InTenantAsync(PortalAppFactory app, string tenant, Func<PortalDbContext, IServiceProvider, Task> work) =>
        TestData.InTenantAsync(app, tenant, work);

    private static async Task<string> FreeCodeAsync(PortalDbContext db, string code)
    {
        // Codes are numbered per test process; a database shared by several fixtures may already hold one.
        while (await db.Counties.AnyAsync(c => c.DivisionCode == code))
        {
            code = "339" + Interlocked.Increment(ref _sequence).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        }

        return code;
    }

    private static async Task<Guid> UserAsync(UserManager<PortalUser> users, Guid tenantId, string email, string name, RoleAssignment assignment)
    {
        var user = PortalUser.Create(tenantId, email, name, assignment);
        var result = await users.CreateAsync(user, PortalAppFactory.DemoPassword);
        return result.Succeeded
            ? user.Id
            : throw new InvalidOperationException($"Could not create {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }

    /// <summary>A test's institution accounts may sign: they hold their institution's 用印 right (issue 14).</summary>
    private static async Task GrantSealAsync(PortalDbContext db, UserManager<PortalUser> users, Guid userId)
    {
        await SealRights.GrantAsync(db, (await users.FindByIdAsync(userId.ToString()))!, null, DateTimeOffset.UnixEpoch);
        await db.SaveChangesAsync();
    }
}
