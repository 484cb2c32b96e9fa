using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Fulfilment;

/// <summary>
/// What became of several deliveries entered at once (the month grid, an XLSX import): each row's problems (by the
/// same rule as one record, <see cref="ServiceRecord.Problems"/>), and the records to save when there are none.
/// </summary>
public sealed record ServiceRecordBatch(IReadOnlyList<ServiceRecord> Records, IReadOnlyList<IReadOnlyList<FieldError>> RowProblems)
{
    /// <summary>At most this many rows at once: a month of daily visits by several doctors, with room to spare.</summary>
    public const int MaxRows = 500;

    /// <summary>All rows can be saved, together.</summary>
    public bool Valid => Records.Count > 0 && RowProblems.All(p => p.Count == 0);

    /// <summary>
    /// Checks <paramref name="rows"/> in order, each against <paramref name="existing"/> and the rows above it, so a
    /// row repeating another (same item, day and staff) is refused like a repeat of a stored record. All or none: the
    /// caller saves <see cref="Records"/> only when <see cref="Valid"/>.
    /// </summary>
    /// <param name="staff">The roster entries the rows name, by id; a missing one is "not on the roster".</param>
    /// <param name="existing">The agreement's records on the rows' days and the records that correct them.</param>
    public static ServiceRecordBatch Check(
        AgreedItems agreed, IReadOnlyList<ServiceDelivery> rows, IReadOnlyDictionary<Guid, StaffMember> staff,
        AgreementActor by, IReadOnlyCollection<ServiceRecord> existing)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(staff);
        if (rows.Count > MaxRows)
        {
            throw new DomainException("一次最多登记 {0} 条服务记录，请分批登记。", MaxRows);
        }

        var seen = new List<ServiceRecord>(existing);
        var records = new List<ServiceRecord>();
        var problems = new List<IReadOnlyList<FieldError>>();
        foreach (var row in rows)
        {
            var member = staff.GetValueOrDefault(row.StaffMemberId);
            var found = ServiceRecord.Problems(agreed, row, member, by, seen);
            problems.Add(found);
            if (found.Count == 0)
            {
                var record = ServiceRecord.Record(agreed, row, member, by, seen);
                seen.Add(record);
                records.Add(record);
            }
        }

        return new ServiceRecordBatch(records, problems);
    }
}
