using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Tenancy;

namespace YiyangPortal.Web.Features.Agreements;

/// <summary>
/// Demo agreements in several states, built through the same workflow as the pages (so they carry audit chains,
/// stored texts, filings and notifications): an effective one per template, and one each of 草稿, 待医疗机构审核,
/// 退回修改 (with a proposal), 部分签署 and 已终止. Idempotent: skipped when the demo nursing home has agreements.
/// </summary>
public sealed class DemoAgreements(IServiceScopeFactory scopes)
{
    private static readonly (string Tenant, string Home, string Staff, string Clinic, string Partner)[] Pairs =
    [
        ("shaoxing", "越城区福乐养老院", "staff@shaoxing.demo", "clinic@shaoxing.demo", "塔山街道社区卫生服务中心"),
        ("wenzhou", "鹿城区颐康养老院", "staff@wenzhou.demo", "clinic@wenzhou.demo", "永中街道社区卫生服务中心"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var pair in Pairs)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == pair.Tenant, cancellationToken);
            if (tenant is null) { continue; }
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant.Id, tenant.Slug, tenant.Name);
            var home = await db.ElderCareInstitutions.SingleAsync(i => i.Name == pair.Home, cancellationToken);
            if (await db.Agreements.AnyAsync(a => a.ElderCareInstitutionId == home.Id, cancellationToken)) { continue; }

            var builder = new Builder(scope.ServiceProvider, db, home.Id,
                await db.Users.Where(u => u.Email == pair.Staff).Select(u => u.Id).SingleAsync(cancellationToken),
                await db.Users.Where(u => u.Email == pair.Clinic).Select(u => u.Id).SingleAsync(cancellationToken),
                await db.MedicalInstitutions.Where(i => i.Name == pair.Partner).Select(i => i.Id).SingleAsync(cancellationToken));
            await builder.EffectiveAsync(AgreementTemplate.MedicalElderCareConsortium, cancellationToken);
            if (pair.Tenant != "shaoxing") { continue; }
            await builder.EffectiveAsync(AgreementTemplate.ProjectCooperation, cancellationToken);
            await builder.UpToAsync(AgreementTemplate.ProjectCooperation, AgreementStatus.Draft, cancellationToken);
            await builder.UpToAsync(AgreementTemplate.MedicalElderCareConsortium, AgreementStatus.PendingMedicalReview, cancellationToken);
            await builder.UpToAsync(AgreementTemplate.MedicalElderCareConsortium, AgreementStatus.ReturnedForRevision, cancellationToken);
            await builder.UpToAsync(AgreementTemplate.MedicalElderCareConsortium, AgreementStatus.PartiallySigned, cancellationToken);
            await builder.UpToAsync(AgreementTemplate.MedicalElderCareConsortium, AgreementStatus.Terminated, cancellationToken);
        }
    }

    private sealed class Builder(IServiceProvider services, PortalDbContext db, Guid homeId, Guid staffId, Guid clinicId, Guid partnerId)
    {
        private readonly AgreementWorkflow _workflow = services.GetRequiredService<AgreementWorkflow>();

        private AgreementActor Staff => AgreementActor.ElderCare(staffId, _workflow.Now);

        private AgreementActor Clinic => AgreementActor.Medical(clinicId, _workflow.Now);

        public Task EffectiveAsync(AgreementTemplate template, CancellationToken cancellationToken) =>
            UpToAsync(template, AgreementStatus.Effective, cancellationToken);

        public async Task UpToAsync(AgreementTemplate template, AgreementStatus target, CancellationToken cancellationToken)
        {
            var home = await db.ElderCareInstitutions.SingleAsync(i => i.Id == homeId, cancellationToken);
            var partner = await db.MedicalInstitutions.SingleAsync(i => i.Id == partnerId, cancellationToken);
            var county = await db.Counties.SingleAsync(c => c.Id == home.CountyId, cancellationToken);
            var agreement = Agreement.Draft(
                home.TenantId, home.Id, partner.Id, template, await DocumentNumbers.NextAsync(db, county.DivisionCode, _workflow.Now),
                Terms(AgreementTerms.Prefilled(template, county, home, partner), template), Staff);
            db.Agreements.Add(agreement);
            await StepAsync(agreement, a => AddItems(a, template));
            if (target == AgreementStatus.Draft) { return; }

            await StepAsync(agreement, a => a.Submit(Staff));
            if (target == AgreementStatus.PendingMedicalReview) { return; }

            if (target == AgreementStatus.ReturnedForRevision)
            {
                await StepAsync(agreement, a =>
                {
                    a.ProposeChange(Clinic, a.Items[0].Id, a.Items[0].Frequency + 1, null, "本院每月可多安排一次");
                    a.ReturnForRevision(Clinic, "请确认坐诊频次");
                });
                return;
            }

            await StepAsync(agreement, a =>
            {
                foreach (var item in a.Items) { a.ApproveItem(Clinic, item.Id); }
                a.Accept(Clinic);
            });
            var text = await _workflow.TextForSignatureAsync(agreement);
            await StepAsync(agreement, a => a.Sign(Clinic, "陈明", "主任", "127.0.0.1", text.Sha256));
            if (target == AgreementStatus.PartiallySigned) { return; }

            await StepAsync(agreement, a => a.Sign(Staff, "王丽", "院长", "127.0.0.1", text.Sha256));
            if (target == AgreementStatus.Terminated)
            {
                await StepAsync(agreement, a => a.Terminate(Staff, "养老院搬迁，双方协商一致终止合作", BeijingTime.Today(_workflow.Now)));
            }
        }

        private async Task StepAsync(Agreement agreement, Action<Agreement> change)
        {
            change(agreement);
            await _workflow.SaveAsync(agreement, null);
        }

        private void AddItems(Agreement agreement, AgreementTemplate template)
        {
            var today = BeijingTime.Today(_workflow.Now);
            var codes = template == AgreementTemplate.MedicalElderCareConsortium
                ? new[] { ("SX1-CLINIC", 4), ("SX1-ROUNDS", 2), ("SX1-TRAIN", 4) }
                : new[] { ("SX2-CHRONIC-FOLLOWUP", 4), ("SICKBED-VISIT", 24), ("SX2-CHECKUP", 1) };
            foreach (var (code, frequency) in codes)
            {
                var choice = db.ServicePrices.AsNoTracking()
                    .Where(p => db.FeeSchedules.Any(s => s.Id == p.FeeScheduleId && s.MedicalInstitutionId == partnerId)
                                && p.ValidFrom <= today && (p.ValidTo == null || p.ValidTo >= today))
                    .Join(db.ServiceItems.Where(i => i.Code == code), p => p.ServiceItemId, i => i.Id, (p, i) => new { p, i })
                    .FirstOrDefault();
                if (choice is not null)
                {
                    agreement.AddItem(Staff, ServiceItemSnapshot.Of(choice.i, choice.p), frequency);
                }
            }
        }

        private AgreementTerms Terms(AgreementTerms prefilled, AgreementTemplate template)
        {
            var year = BeijingTime.Today(_workflow.Now).Year;
            return template == AgreementTemplate.ProjectCooperation
                ? prefilled with { ElderCareRepresentative = "王丽", MedicalRepresentative = "陈明" }
                : prefilled with
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
                    Term = new ValidityPeriod(new DateOnly(year, 1, 1), new DateOnly(year + 1, 12, 31)),
                    ElderCareRepresentative = "王丽",
                    MedicalRepresentative = "陈明",
                };
        }
    }
}
