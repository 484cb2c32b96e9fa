using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Documents;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.Filings;

/// <summary>One row of a filing list.</summary>
public sealed record FilingRow(
    Guid Id, string DocumentNumber, string ElderCare, string Medical, string County, Domain.Identity.Bureau Bureau,
    FilingStatus Status, DateOnly DueDate, DateTimeOffset? SignedAtUtc, DateTimeOffset? FirstSubmittedAtUtc,
    DateOnly? CorrectionDueDate = null, FilingKind Kind = FilingKind.Signing)
{
    /// <summary>The deadline the parties work to now (<see cref="FilingTurn.CurrentDeadline"/>).</summary>
    public DateOnly CurrentDeadline => FilingTurn.CurrentDeadline(Status, DueDate, CorrectionDueDate);
}

public sealed record AttachmentRow(Guid Id, string FileName, string ContentType, int Size, DateTimeOffset UploadedAtUtc, Domain.Agreements.AgreementParty Party);

public sealed record HistoryRow(DateTimeOffset AtUtc, string Actor, FilingStatus From, FilingStatus To, string? Note);

/// <summary>Everything the review page shows about one filing.</summary>
public sealed record FilingDetail(
    FilingRow Row, Filing Filing, string? ExecutedSha256, IReadOnlyList<AttachmentRow> Attachments, IReadOnlyList<HistoryRow> History,
    bool CanSubmit, bool CanReview, DateOnly Today);

internal static class FilingQueries
{
    public static IQueryable<FilingRow> Rows(PortalDbContext db, IQueryable<Filing> filings) =>
        from f in filings
        join a in db.Agreements on f.AgreementId equals a.Id
        join e in db.ElderCareInstitutions on a.ElderCareInstitutionId equals e.Id
        join m in db.MedicalInstitutions on a.MedicalInstitutionId equals m.Id
        join c in db.Counties on f.CountyId equals c.Id
        orderby f.DueDate, f.Id
        select new FilingRow(
            f.Id, a.DocumentNumber, e.Name, m.Name, c.Name, f.Bureau, f.Status, f.DueDate, a.EffectiveAtUtc, f.FirstSubmittedAtUtc,
            f.CorrectionDueDate, f.Kind);

    public static async Task<(IReadOnlyList<AttachmentRow>, IReadOnlyList<HistoryRow>, string?)> ExtrasAsync(PortalDbContext db, Filing filing)
    {
        var attachments = await db.FilingAttachments.AsNoTracking().Where(a => a.FilingId == filing.Id).OrderBy(a => a.UploadedAtUtc)
            .Select(a => new AttachmentRow(a.Id, a.FileName, a.ContentType, a.Content.Length, a.UploadedAtUtc, a.Party))
            .ToListAsync();
        var actorIds = filing.History.Select(h => h.ActorUserId).Distinct().ToList();
        var names = await db.Users.Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        // Logs read newest first on every page (docs/architecture.md), like the agreement's 办理记录 and 变更记录.
        var history = filing.History.OrderBy(h => h.OccurredAtUtc).Reverse()
            .Select(h => new HistoryRow(h.OccurredAtUtc, names.GetValueOrDefault(h.ActorUserId, "—"), h.FromStatus, h.ToStatus, h.Note))
            .ToList();
        var sha = await db.AgreementDocuments.Where(d => d.AgreementId == filing.AgreementId && d.Kind == AgreementDocumentKind.Executed)
            .Select(d => d.Sha256).SingleOrDefaultAsync();
        return (attachments, history, sha);
    }
}
