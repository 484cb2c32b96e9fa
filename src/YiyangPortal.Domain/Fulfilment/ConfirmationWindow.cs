using System.Linq.Expressions;

namespace YiyangPortal.Domain.Fulfilment;

/// <summary>
/// 确认时限 (issue 15): the elder-care institution confirms or disputes each service record within the tenant's window
/// (<see cref="Tenancy.Tenant.ServiceConfirmationDays"/>). A record still 待确认 when its recorded time plus the window has
/// passed is 逾期未确认 — flagged, counted in the home's to-do, never accepted by default (未确认的记录不得默认通过).
/// One expression serves the page, the to-do and the queries.
/// </summary>
public static class ConfirmationWindow
{
    public const int DefaultDays = 15;

    public const int MinDays = 1;

    public const int MaxDays = 90;

    /// <summary>Records recorded before this instant are past the window at <paramref name="now"/>.</summary>
    public static DateTimeOffset Cutoff(DateTimeOffset now, int days) => now.AddDays(-days);

    /// <summary>逾期未确认 at <paramref name="cutoff"/> (<see cref="Cutoff"/>): still pending, recorded before it.</summary>
    public static Expression<Func<ServiceRecord, bool>> Overdue(DateTimeOffset cutoff) =>
        r => r.Status == ServiceRecordStatus.Pending && r.RecordedAtUtc < cutoff;

    /// <summary>When the home's answer to <paramref name="record"/> falls due.</summary>
    public static DateTimeOffset AnswerDueAt(ServiceRecord record, int days)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.RecordedAtUtc.AddDays(days);
    }
}
