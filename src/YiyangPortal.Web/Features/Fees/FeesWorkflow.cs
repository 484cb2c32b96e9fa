using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Infrastructure.Fulfilment;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.Fees;

/// <summary>What became of a payment step: saved, refused with field problems, or beaten by another user.</summary>
public sealed record FeeOutcome(FeePayment? Payment, IReadOnlyList<FieldError> Problems, bool Conflict = false)
{
    public bool Saved => Payment is not null && Problems.Count == 0 && !Conflict;
}

/// <summary>
/// 费用 use cases for the pages and the seeding (issue 15, ADR 035): record a payment of an instalment (甲方), confirm
/// its receipt or dispute it (乙方). The caller loaded the agreement the user may see and built the actor; the domain
/// decides; this class loads what the rules need and saves, turning a concurrent write into a conflict.
/// </summary>
public sealed class FeesWorkflow(PortalDbContext db)
{
    /// <summary>The agreement's instalments as its 补充协议 changed them, and the halves one waived (ADR 045), through the one reader.</summary>
    public Task<InstalmentPlan> PlanAsync(Agreement agreement, CancellationToken cancellationToken) =>
        SupplementsInForce.PlanAsync(db, agreement, cancellationToken);

    /// <summary>
    /// The 合作经费 items agreed on <paramref name="today"/> (or on the term's first or last day outside it), as the
    /// 补充协议 in force changed them: what 甲方 pays for as the services are given.
    /// </summary>
    public async Task<IReadOnlyList<AgreedItem>> CooperationItemsAsync(Agreement agreement, DateOnly today, CancellationToken cancellationToken)
    {
        if (agreement.ServiceDays() is not { } days)
        {
            return [];
        }

        var day = today < days.From ? days.From : today > days.To ? days.To : today;
        var agreed = AgreedItems.Of(agreement, await SupplementsInForce.OfAsync(db, agreement, cancellationToken));
        return agreed.On(day).Where(i => Agreement.IsCooperationFeeItem(i.Item)).ToList();
    }

    public Task<List<FeePayment>> PaymentsAsync(Guid agreementId, CancellationToken cancellationToken) =>
        db.FeePayments.AsNoTracking().Where(p => p.AgreementId == agreementId)
            .OrderBy(p => p.AgreementYear).ThenBy(p => p.Half).ThenBy(p => p.RecordedAtUtc).ToListAsync(cancellationToken);

    public async Task<FeeOutcome> RecordAsync(Agreement agreement, PaymentEntry entry, AgreementActor by, CancellationToken cancellationToken)
    {
        var existing = await PaymentsAsync(agreement.Id, cancellationToken);
        var supplements = await SupplementsInForce.OfAsync(db, agreement, cancellationToken);
        var problems = FeePayment.Problems(agreement, supplements, entry, by, existing);
        if (problems.Count > 0)
        {
            return new FeeOutcome(null, problems);
        }

        var payment = FeePayment.Record(agreement, supplements, entry, by, existing);
        db.FeePayments.Add(payment);
        return await SaveAsync(payment, cancellationToken);
    }

    /// <summary>确认收款 or 有异议 (with <paramref name="disputeReason"/>) on a payment of <paramref name="agreement"/>.</summary>
    public async Task<FeeOutcome> AnswerAsync(
        Agreement agreement, Guid paymentId, AgreementActor by, string? disputeReason, CancellationToken cancellationToken)
    {
        var payment = await db.FeePayments.SingleOrDefaultAsync(p => p.Id == paymentId && p.AgreementId == agreement.Id, cancellationToken);
        if (payment is null)
        {
            return new FeeOutcome(null, [new FieldError(string.Empty, "没有找到该付款记录。")]);
        }

        if (payment.Status != FeePaymentStatus.Pending)
        {
            // Answered by another user since this one loaded the page: a conflict, whatever the answer was.
            db.Entry(payment).State = EntityState.Detached;
            return new FeeOutcome(null, [], Conflict: true);
        }

        try
        {
            if (disputeReason is null)
            {
                payment.Confirm(agreement, by);
            }
            else
            {
                payment.Dispute(agreement, by, disputeReason);
            }
        }
        catch (DomainException refused)
        {
            db.Entry(payment).State = EntityState.Unchanged;
            return new FeeOutcome(null, [new FieldError(disputeReason is null ? string.Empty : "Reason", refused.Text)]);
        }

        return await SaveAsync(payment, cancellationToken);
    }

    private async Task<FeeOutcome> SaveAsync(FeePayment payment, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new FeeOutcome(payment, []);
        }
        catch (Exception e) when (IsConcurrentWrite(e))
        {
            db.ChangeTracker.Clear();
            return new FeeOutcome(null, [], Conflict: true);
        }
    }

    /// <summary>Another user answered the payment first (its xmin), or paid the same instalment meanwhile.</summary>
    private static bool IsConcurrentWrite(Exception e) => e switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: Npgsql.PostgresException inner } => IsConcurrentWrite(inner),
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, TableName: "fee_payments" } => true,
        _ => false,
    };
}
