using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Infrastructure.Fulfilment;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.FulfilmentReports;

/// <summary>One 上半年/下半年 instalment of the year with the payment that stands for it, if any.</summary>
public sealed record ReportInstalment(FeeInstalment Instalment, FeePayment? Standing);

/// <summary>
/// Everything a 履约情况报告 prints (ADR 040): the agreement, its parties, the agreement year's figures from the domain
/// (<see cref="FulfilmentYear"/>), both parties' 年度评价 of that year and the 年度健康服务费 instalments with their payments.
/// </summary>
public sealed record FulfilmentReport(
    Agreement Agreement,
    string ElderCareName,
    string MedicalName,
    FulfilmentYear Figures,
    IReadOnlyList<AgreementEvaluation> Evaluations,
    IReadOnlyList<ReportInstalment> Fees,
    DateOnly Today)
{
    /// <summary>What a 补充协议 changed within a period of the year (ADR 044), one note each, in Chinese as printed.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    /// <summary>The year's halves a 补充协议 left without a fee (ADR 045), listed beside the instalments.</summary>
    public IReadOnlyList<WaivedHalf> Waived { get; init; } = [];
}

/// <summary>Reads one agreement year of an agreement the caller has already found visible to the user.</summary>
public sealed class FulfilmentReportQuery(PortalDbContext db, TimeProvider clock)
{
    /// <summary>
    /// The report of agreement year <paramref name="yearNumber"/> (1 for the term's first year), or of the latest year
    /// that has begun when none is asked; null when the agreement never came into force or has no such year.
    /// </summary>
    public async Task<FulfilmentReport?> ForAsync(Agreement agreement, int? yearNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var today = clock.TodayInBeijing();
        var year = yearNumber is { } n
            ? AgreementEvaluation.YearsOf(agreement).FirstOrDefault(y => y.Number == n)
            : FulfilmentYear.Latest(agreement, today);
        if (year is null)
        {
            return null;
        }

        var agreed = await ServicePlanStore.AgreedItemsAsync(db, agreement, cancellationToken);
        var figures = await FiguresAsync(agreement, agreed, year, today, cancellationToken);
        // ADR 044: what a 补充协议 changed in a period of the year, as the fulfilment page says it next to the line.
        var changes = figures.Lines
            .Select(l => agreed.ChangeWithin(l.Plan.AgreementItemId, l.Plan.Period.Start, l.Plan.Period.End) is { } change
                ? $"注：{l.Plan.ItemName}{change}。" : null)
            .OfType<string>().Distinct().ToList();
        var names = await db.ElderCareInstitutions.Where(i => i.Id == agreement.ElderCareInstitutionId).Select(i => i.Name)
            .Concat(db.MedicalInstitutions.Where(i => i.Id == agreement.MedicalInstitutionId).Select(i => i.Name))
            .ToListAsync(cancellationToken);
        var evaluations = await db.AgreementEvaluations.AsNoTracking()
            .Where(e => e.AgreementId == agreement.Id && e.Year == year.Number).OrderBy(e => e.Party)
            .ToListAsync(cancellationToken);
        var fees = await SupplementsInForce.PlanAsync(db, agreement, cancellationToken);
        var instalments = fees.Instalments.Where(i => i.Year == year.Number).ToList();
        var payments = instalments.Count == 0
            ? []
            : await db.FeePayments.AsNoTracking().Where(p => p.AgreementId == agreement.Id && p.AgreementYear == year.Number)
                .ToListAsync(cancellationToken);
        return new FulfilmentReport(
            agreement, names.ElementAtOrDefault(0) ?? string.Empty, names.ElementAtOrDefault(1) ?? string.Empty,
            figures,
            evaluations,
            instalments.Select(i => new ReportInstalment(i, FeeInstalments.StandingFor(i, payments))).ToList(),
            today)
        {
            Waived = fees.Waived.Where(w => w.Year == year.Number).ToList(),
            Changes = changes,
        };
    }

    /// <summary>The headline of an agreement's latest report (its year and 履约率), for the pages that link to it.</summary>
    public async Task<FulfilmentYear?> HeadlineAsync(Agreement agreement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var today = clock.TodayInBeijing();
        return FulfilmentYear.Latest(agreement, today) is { } year
            ? await FiguresAsync(agreement, await ServicePlanStore.AgreedItemsAsync(db, agreement, cancellationToken), year, today, cancellationToken)
            : null;
    }

    // The year's plan against the records of its periods (a year line needs the whole agreement year).
    private async Task<FulfilmentYear> FiguresAsync(
        Agreement agreement, AgreedItems agreed, AgreementYear year, DateOnly today, CancellationToken cancellationToken)
    {
        var plan = FulfilmentYear.PlanOf(agreement, ServicePlan.Of(agreed), year);
        var from = plan.Count == 0 ? year.From : plan.Min(l => l.Period.Start);
        var to = plan.Count == 0 ? year.To : plan.Max(l => l.Period.End);
        var records = await db.ServiceRecords.AsNoTracking()
            .Where(r => r.AgreementId == agreement.Id && r.ServiceDate >= from && r.ServiceDate <= to)
            .ToListAsync(cancellationToken);
        return new FulfilmentYear(year, FulfilmentSummary.Of(plan, records), today);
    }
}
