using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Tenancy;
using YiyangPortal.Web.Features.Agreements;

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
/// through the real workflow (<see cref="AgreementWorkflow.SaveAsync"/>: audit chain, filings, notifications). Tests
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
            (parties.HomeId, parties.ClinicId) = (home.Id, clinic.Id);

            var users = services.GetRequiredService<UserManager<PortalUser>>();
            parties.StaffUserId = await UserAsync(users, tenantId, parties.StaffEmail, "测试养老院员工", RoleAssignment.ElderCareStaff(home.Id));
            parties.ClinicUserId = await UserAsync(users, tenantId, parties.ClinicEmail, "测试医疗机构管理员", RoleAssignment.MedicalAdmin(clinic.Id));
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
        await InTenantAsync(_app, Tenant, async (_, services) =>
            id = await UserAsync(services.GetRequiredService<UserManager<PortalUser>>(), TenantId, email, email, assignment));
        return id;
    }

    /// <summary>
    /// A 养医联合体服务协议 of this home and clinic driven, step by step and saved after each step as the pages do,
    /// to <paramref name="target"/> (草稿 … 已生效, 已终止).
    /// </summary>
    public async Task<Agreement> AgreementAsync(AgreementStatus target, AgreementShape? shape = null)
    {
        shape ??= new AgreementShape();
        var number = $"T{Code}-{Interlocked.Increment(ref _agreements):0000}";
        Agreement? built = null;
        await InTenantAsync(_app, Tenant, async (db, services) =>
        {
            var workflow = services.GetRequiredService<AgreementWorkflow>();
            var now = workflow.Now;
            var signedAt = shape.SignedAtUtc ?? now;
            var draftedAt = (signedAt < now ? signedAt : now).AddDays(-3);
            var staff = AgreementActor.ElderCare(StaffUserId, draftedAt);
            var clinic = AgreementActor.Medical(ClinicUserId, draftedAt.AddDays(1));
            var agreement = Agreement.Draft(TenantId, HomeId, ClinicId, AgreementTemplate.MedicalElderCareConsortium, number, Terms(draftedAt, shape), staff);
            db.Agreements.Add(agreement);
            var item = await db.ServiceItems.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.SortOrder).FirstAsync();
            agreement.AddItem(staff, new ServiceItemSnapshot(
                item.Id, null, item.Category, item.Name, ServiceUnit.TimesPerMonth, Funding.CooperationFee, Money.FromYuan(200m)), 4);
            built = agreement;
            await workflow.SaveAsync(agreement, null);
            if (target == AgreementStatus.Draft) { return; }

            agreement.Submit(staff);
            await workflow.SaveAsync(agreement, null);
            if (target == AgreementStatus.PendingMedicalReview) { return; }

            if (target == AgreementStatus.ReturnedForRevision)
            {
                if (shape.WithProposal)
                {
                    agreement.ProposeChange(clinic, agreement.Items[0].Id, 2, null, "每月只能安排两次");
                }

                agreement.ReturnForRevision(clinic, "请确认服务频次");
                await workflow.SaveAsync(agreement, null);
                return;
            }

            agreement.ApproveItem(clinic, agreement.Items[0].Id);
            agreement.Accept(clinic);
            await workflow.SaveAsync(agreement, null);
            if (target == AgreementStatus.PendingSignature) { return; }

            var text = await workflow.TextForSignatureAsync(agreement);
            Sign(agreement, shape.FirstSigner, signedAt.AddMinutes(-30), text.Sha256);
            await workflow.SaveAsync(agreement, null);
            if (target == AgreementStatus.PartiallySigned) { return; }

            Sign(agreement, shape.FirstSigner.Other(), signedAt, text.Sha256);
            await workflow.SaveAsync(agreement, null);
            if (target == AgreementStatus.Terminated)
            {
                agreement.Terminate(AgreementActor.ElderCare(StaffUserId, now), "测试终止", BeijingTime.DateOf(now));
                await workflow.SaveAsync(agreement, null);
            }
        });
        return built!;
    }

    /// <summary>The filings of an effective agreement, moved on: 已报送 by 甲方, or 已报送 then 退回补正 by the bureau.</summary>
    public async Task<IReadOnlyList<Filing>> FilingsAsync(Guid agreementId, FilingStatus target = FilingStatus.Pending)
    {
        IReadOnlyList<Filing> filings = [];
        await InTenantAsync(_app, Tenant, async (db, services) =>
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            filings = await db.Filings.Include(f => f.History).Where(f => f.AgreementId == agreementId).OrderBy(f => f.Bureau).ToListAsync();
            foreach (var filing in filings.Where(_ => target != FilingStatus.Pending))
            {
                filing.Submit(AgreementActor.ElderCare(StaffUserId, now));
                if (target == FilingStatus.Returned)
                {
                    var reviewer = filing.Bureau == Bureau.CivilAffairs ? CivilAffairsUserId : HealthUserId;
                    filing.Return(RoleAssignment.CountyRegulator(filing.Bureau, filing.CountyId), reviewer, now, "缺少盖章页");
                }
            }

            await db.SaveChangesAsync();
        });
        return filings;
    }

    /// <summary>Runs <paramref name="work"/> in a scope of <paramref name="tenant"/>, as a request would (RLS on).</summary>
    public static async Task InTenantAsync(PortalAppFactory app, string tenant, Func<PortalDbContext, IServiceProvider, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var row = await db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == tenant);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(row.Id, row.Slug, row.Name);
        await work(db, scope.ServiceProvider);
    }

    private void Sign(Agreement agreement, AgreementParty party, DateTimeOffset at, string sha256) =>
        agreement.Sign(
            new AgreementActor(party, party == AgreementParty.ElderCare ? StaffUserId : ClinicUserId, at), "测试签署人", "负责人", "127.0.0.1", sha256);

    private static AgreementTerms Terms(DateTimeOffset draftedAt, AgreementShape shape)
    {
        var start = BeijingTime.DateOf(draftedAt);
        return new AgreementTerms
        {
            ClinicSessionsPerMonth = 4,
            ClinicDoctorCount = 2,
            WardRoundsPerMonth = 2,
            WardRoundDoctorCount = 1,
            SeniorConsultationFee = Money.FromYuan(300m),
            AssociateSeniorConsultationFee = Money.FromYuan(200m),
            IntermediateConsultationFee = Money.FromYuan(120m),
            MedicalCostPayment = MedicalCostPayment.ResidentPays,
            AnnualHealthServiceFee = Money.FromYuan(36_000m),
            Term = new ValidityPeriod(start, shape.TermEnd ?? start.AddMonths(10)),
            CivilAffairsBureauName = "测试区民政局",
            HealthBureauName = "测试区卫生健康局",
        };
    }

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
}
