using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Infrastructure.Fulfilment;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.Fulfilment;

/// <summary>What became of a fulfilment step: saved, refused with field problems, or beaten by another user.</summary>
public sealed record FulfilmentOutcome(ServiceRecord? Record, IReadOnlyList<FieldError> Problems, bool Conflict = false)
{
    public bool Saved => Record is not null && Problems.Count == 0 && !Conflict;
}

/// <summary>
/// What became of several deliveries entered at once: all saved, or none with each row's problems (by row index), or
/// beaten by another user who recorded one of them meanwhile.
/// </summary>
public sealed record FulfilmentBatchOutcome(IReadOnlyList<ServiceRecord> Records, IReadOnlyList<IReadOnlyList<FieldError>> RowProblems, bool Conflict = false)
{
    public bool Saved => Records.Count > 0 && !Conflict && RowProblems.All(p => p.Count == 0);
}

/// <summary>
/// 履约 use cases for the pages and the seeding (issue 15): record a delivery or its correction (乙方), confirm or
/// dispute one (甲方). The caller loaded the agreement the user may see and built the actor; the domain decides; this
/// class loads what the rules need (the items agreed with its 补充协议, ADR 044), makes the month's partition (ADR 033) and saves in one transaction.
/// </summary>
public sealed class FulfilmentWorkflow(PortalDbContext db)
{
    /// <summary>Records <paramref name="delivery"/>, or when <paramref name="correctsId"/> is set, a correction of that record.</summary>
    public async Task<FulfilmentOutcome> RecordAsync(
        Agreement agreement, ServiceDelivery delivery, AgreementActor by, Guid? correctsId, CancellationToken cancellationToken)
    {
        var staff = await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == delivery.StaffMemberId, cancellationToken);
        var original = correctsId is { } id
            ? await db.ServiceRecords.SingleOrDefaultAsync(r => r.Id == id && r.AgreementId == agreement.Id, cancellationToken)
            : null;
        if (correctsId is not null && original is null)
        {
            return new FulfilmentOutcome(null, [new FieldError(string.Empty, "要更正的服务记录不属于该协议。")]);
        }

        var existing = await ExistingAsync(agreement.Id, delivery.ServiceDate, correctsId, cancellationToken);
        var agreed = await ServicePlanStore.AgreedItemsAsync(db, agreement, cancellationToken);
        var problems = ServiceRecord.Problems(agreed, delivery, staff, by, existing, original);
        if (problems.Count > 0)
        {
            return new FulfilmentOutcome(null, problems);
        }

        var record = original is null
            ? ServiceRecord.Record(agreed, delivery, staff, by, existing)
            : ServiceRecord.Correct(agreed, original, delivery, staff, by, existing);
        return await SaveAsync([record], added: true, cancellationToken);
    }

    /// <summary>
    /// Records several deliveries (the month grid, an XLSX import) in one transaction, or none: each row is judged by
    /// the same rule as one record (<see cref="ServiceRecordBatch"/>), against the stored records and the rows above.
    /// </summary>
    public async Task<FulfilmentBatchOutcome> RecordManyAsync(
        Agreement agreement, IReadOnlyList<ServiceDelivery> deliveries, AgreementActor by, CancellationToken cancellationToken)
    {
        var staffIds = deliveries.Select(d => d.StaffMemberId).Distinct().ToList();
        var staff = await db.StaffMembers.Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var days = deliveries.Select(d => d.ServiceDate).OfType<DateOnly>().Distinct().ToList();
        var sameDays = db.ServiceRecords.AsNoTracking().Where(r => r.AgreementId == agreement.Id && days.Contains(r.ServiceDate));
        var corrections = db.ServiceRecords.AsNoTracking().Where(r => r.AgreementId == agreement.Id
            && r.CorrectsRecordId != null && sameDays.Any(s => s.Id == r.CorrectsRecordId));
        var existing = await sameDays.Union(corrections).ToListAsync(cancellationToken);
        var agreed = await ServicePlanStore.AgreedItemsAsync(db, agreement, cancellationToken);
        var batch = ServiceRecordBatch.Check(agreed, deliveries, staff, by, existing);
        if (!batch.Valid)
        {
            return new FulfilmentBatchOutcome([], batch.RowProblems);
        }

        var saved = await SaveAsync(batch.Records, added: true, cancellationToken);
        return saved.Conflict ? new FulfilmentBatchOutcome([], [], Conflict: true) : new FulfilmentBatchOutcome(batch.Records, batch.RowProblems);
    }

    /// <summary>
    /// 签到表 (ADR 039): attaches a scan to a record of <paramref name="agreement"/> still waiting for its answer; the
    /// domain refuses anything else (<see cref="ServiceRecordAttachment.Problem"/>), a second upload racing the first
    /// is a conflict.
    /// </summary>
    public async Task<(ServiceRecordAttachment? Saved, DomainMessage? Problem, bool Conflict)> AttachSheetAsync(
        Agreement agreement, Guid recordId, string fileName, byte[] content, AgreementActor by, CancellationToken cancellationToken)
    {
        var record = await db.ServiceRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == recordId && r.AgreementId == agreement.Id, cancellationToken);
        if (record is null)
        {
            return (null, new DomainMessage("没有找到该服务记录。"), false);
        }

        var hasOne = await db.ServiceRecordAttachments.AnyAsync(a => a.ServiceRecordId == recordId, cancellationToken);
        if (ServiceRecordAttachment.Problem(agreement, record, content, by, hasOne) is { } problem)
        {
            return (null, problem, false);
        }

        var sheet = ServiceRecordAttachment.Attach(agreement, record, fileName, content, by, hasOne);
        db.ServiceRecordAttachments.Add(sheet);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (sheet, null, false);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return (null, null, true);
        }
    }

    /// <summary>确认 or 有异议 (with <paramref name="disputeReason"/>) on a record of <paramref name="agreement"/>.</summary>
    public async Task<FulfilmentOutcome> AnswerAsync(
        Agreement agreement, Guid recordId, AgreementActor by, string? disputeReason, CancellationToken cancellationToken)
    {
        var record = await db.ServiceRecords.SingleOrDefaultAsync(r => r.Id == recordId && r.AgreementId == agreement.Id, cancellationToken);
        if (record is null)
        {
            return new FulfilmentOutcome(null, [new FieldError(string.Empty, "没有找到该服务记录。")]);
        }

        try
        {
            if (disputeReason is null)
            {
                record.Confirm(agreement, by);
            }
            else
            {
                record.Dispute(agreement, by, disputeReason);
            }
        }
        catch (DomainException refused)
        {
            db.Entry(record).State = EntityState.Unchanged;
            return new FulfilmentOutcome(null, [new FieldError(disputeReason is null ? string.Empty : "Reason", refused.Text)]);
        }

        return await SaveAsync([record], added: false, cancellationToken);
    }

    /// <summary>The records the duplicate and correction rules look at (see <see cref="ServiceRecord.Problems"/>).</summary>
    private async Task<List<ServiceRecord>> ExistingAsync(Guid agreementId, DateOnly? day, Guid? correctsId, CancellationToken cancellationToken)
    {
        var sameDay = db.ServiceRecords.AsNoTracking().Where(r => r.AgreementId == agreementId && r.ServiceDate == day);
        var corrections = db.ServiceRecords.AsNoTracking().Where(r => r.AgreementId == agreementId
            && r.CorrectsRecordId != null && (r.CorrectsRecordId == correctsId || sameDay.Any(s => s.Id == r.CorrectsRecordId)));
        return await sameDay.Union(corrections).ToListAsync(cancellationToken);
    }

    private async Task<FulfilmentOutcome> SaveAsync(IReadOnlyList<ServiceRecord> records, bool added, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (added)
            {
                await ServiceRecordPartitions.EnsureAsync(db, records.Select(r => r.ServiceDate).Distinct().ToList(), cancellationToken);
                db.ServiceRecords.AddRange(records);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new FulfilmentOutcome(records[0], []);
        }
        catch (Exception e) when (IsConcurrentWrite(e))
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new FulfilmentOutcome(null, [], Conflict: true);
        }
    }

    /// <summary>Another user answered the record first (its version), or recorded the same delivery meanwhile.</summary>
    private static bool IsConcurrentWrite(Exception e) => e switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: Npgsql.PostgresException inner } => IsConcurrentWrite(inner),
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, TableName: var table } =>
            table?.StartsWith(ServiceRecordPartitions.Table, StringComparison.Ordinal) == true,
        _ => false,
    };
}
