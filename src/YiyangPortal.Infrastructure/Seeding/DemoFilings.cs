using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Infrastructure.Seeding;

/// <summary>
/// Effective agreements of 越城区福乐养老院 whose filings show every state (issue 6: 待报送, 已报送, 已受理, 退回补正 and
/// one 逾期). Dates are relative to the seeding day so the demo stays current. Idempotent by document number.
/// </summary>
internal static class DemoFilings
{
    private sealed record Plan(string Number, string Medical, int DaysAgo, FilingStatus CivilAffairs, FilingStatus Health);

    private static readonly Plan[] Plans =
    [
        new("SX-DEMO-F001", "塔山街道社区卫生服务中心", 5, FilingStatus.Pending, FilingStatus.Submitted),
        new("SX-DEMO-F002", "越城区人民医院", 60, FilingStatus.Accepted, FilingStatus.Returned),
        new("SX-DEMO-F003", "柯桥区平水镇卫生院", 40, FilingStatus.Pending, FilingStatus.Submitted), // 逾期: one month has passed
    ];

    public static async Task EnsureAsync(PortalDbContext db, DemoData.TenantSeed seed, DemoData.Lookup lookup, CancellationToken cancellationToken)
    {
        if (seed.Slug != "shaoxing")
        {
            return;
        }

        var users = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        var county = lookup.Counties["越城区"];
        var civil = RoleAssignment.CountyRegulator(Bureau.CivilAffairs, county);
        var health = RoleAssignment.CountyRegulator(Bureau.Health, county);
        foreach (var plan in Plans)
        {
            if (await db.Agreements.AnyAsync(a => a.DocumentNumber == plan.Number, cancellationToken))
            {
                continue;
            }

            var elderCare = await db.ElderCareInstitutions.SingleAsync(i => i.Id == lookup.ElderCare["越城区福乐养老院"], cancellationToken);
            var medical = await db.MedicalInstitutions.SingleAsync(i => i.Id == lookup.Medical[plan.Medical], cancellationToken);
            var signedAt = DateTimeOffset.UtcNow.AddDays(-plan.DaysAgo);
            var (_, filings) = await EffectiveAgreements.AddAsync(
                db, elderCare, medical, plan.Number, signedAt, users["staff@shaoxing.demo"], users["clinic@shaoxing.demo"], cancellationToken);
            foreach (var filing in filings.Where(f => f.CountyId == county))
            {
                var reviewer = filing.Bureau == Bureau.CivilAffairs ? (civil, users["minzheng@shaoxing.demo"]) : (health, users["weijian@shaoxing.demo"]);
                Advance(filing, filing.Bureau == Bureau.CivilAffairs ? plan.CivilAffairs : plan.Health, signedAt, users["staff@shaoxing.demo"], reviewer);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Advance(Filing filing, FilingStatus target, DateTimeOffset signedAt, Guid staff, (RoleAssignment Role, Guid User) reviewer)
    {
        if (target == FilingStatus.Pending)
        {
            return;
        }

        filing.Submit(AgreementActor.ElderCare(staff, signedAt.AddDays(2)), "已上传双方签署的协议文本。");
        if (target == FilingStatus.Accepted)
        {
            filing.Accept(reviewer.Role, reviewer.User, signedAt.AddDays(4));
        }
        else if (target == FilingStatus.Returned)
        {
            filing.Return(reviewer.Role, reviewer.User, signedAt.AddDays(4), "请补充加盖双方公章的协议扫描件。");
        }
    }
}
