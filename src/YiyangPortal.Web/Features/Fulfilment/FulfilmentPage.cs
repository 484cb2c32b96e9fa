using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Fulfilment;

namespace YiyangPortal.Web.Features.Fulfilment;

/// <summary>
/// 确认时限 on the page (ADR 035): the tenant's window, the month's records past it (逾期未确认), how many of the
/// agreement's records are past it in any month, and whether the agreement has fees to show (a link to 费用).
/// </summary>
public sealed record ConfirmationDue(int WindowDays, IReadOnlySet<Guid> OverdueIds, int OverdueCount, bool HasFees);

/// <summary>
/// 履约情况 of one agreement for one month: the plan lines that count in it (the month's, the quarter's and the
/// agreement year's that hold it) against the confirmed records, the month's records with their answers, and the forms
/// the user's side may use (the aggregate says which, <see cref="Agreement.May"/>). A regulator reads it without forms
/// and without the parties' own pages (费用, 签到表; ADR 047): <see cref="IsParty"/> is false.
/// </summary>
public sealed record FulfilmentPage(
    Agreement Agreement,
    string ElderCareName,
    string MedicalName,
    DateOnly Month,
    IReadOnlyList<DateOnly> Months,
    IReadOnlyList<FulfilmentLine> Lines,
    IReadOnlyList<ServiceRecord> Records,
    IReadOnlySet<Guid> Replaced,
    IReadOnlyList<StaffMember> Roster,
    DateOnly Today,
    bool CanRecord,
    bool CanConfirm,
    ServiceRecordForm Form,
    StaffForm StaffForm,
    ConfirmationDue Confirmation,
    bool IsParty)
{
    /// <summary>
    /// The items agreed over the term: the record form offers those of the month shown (<see cref="Items"/>, ADR 044),
    /// and each plan line asks it what a 补充协议 changed within its period.
    /// </summary>
    public AgreedItems? Agreed { get; init; }

    /// <summary>The items the record form offers: those agreed in the month shown (ADR 044).</summary>
    public IReadOnlyList<AgreedItem> Items => Agreed?.RecordableIn(Month) ?? [];

    public string Url => $"~/agreements/{Agreement.Id}/fulfilment";

    public string MonthValue => Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
