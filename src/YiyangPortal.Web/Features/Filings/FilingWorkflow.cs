using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Notifications;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Agreements;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Filings;

/// <summary>
/// 备案 as one use case for the pages and the demo seeding alike: a party submits (2020 guide 六(四): 告知) or, after a
/// 需补正, resubmits; the county bureau acknowledges it (已备案) or asks for a correction by a deadline (需补正). Filing
/// is notification, not approval (issue 11 point 10). Each step is saved in one transaction with its
/// messages: the bureau's county regulators hear of a (re)submission, both parties of a review — never the person
/// who acted, one message per step and recipient.
/// </summary>
public sealed class FilingWorkflow(PortalDbContext db, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Today in Beijing: the day 逾期 is judged on.</summary>
    public DateOnly Today => BeijingTime.Today(Now);

    public Task<Filing?> FindAsync(Guid id, CurrentUser me) =>
        FilingScope.Visible(db, me).Include(f => f.History).SingleOrDefaultAsync(f => f.Id == id);

    /// <summary>The acting party now, or null for users who do not file (regulators, admins).</summary>
    public AgreementActor? Actor(CurrentUser me) =>
        me.Party is { } party ? new AgreementActor(party, me.Id, Now) : null;

    /// <summary>
    /// 报送, or 重新报送 after a 需补正, with an optional scanned copy (built by the caller, which reports a bad
    /// file next to its field). The domain refuses a filing that is not waiting for the parties.
    /// </summary>
    public async Task<SaveOutcome> SubmitAsync(Filing filing, AgreementActor by, string? note, FilingAttachment? scan = null)
    {
        var resubmission = filing.Status == FilingStatus.Returned;
        if (resubmission)
        {
            filing.Resubmit(by, note);
        }
        else
        {
            filing.Submit(by, note);
        }

        if (scan is not null)
        {
            db.FilingAttachments.Add(scan);
        }

        var (number, home, _) = await DescribeAsync(filing);
        var title = resubmission
            ? new DomainMessage("协议 {0}（{1}）的备案已补正并重新报送，请审核。", number, home)
            : new DomainMessage("协议 {0}（{1}）已报送备案，请审核。", number, home);
        var regulators = await FilingRecipients.RegulatorsAsync(db, filing, CancellationToken.None);
        Notify(filing, regulators, by.UserId, NotificationKind.FilingSubmitted, title);
        return await SaveAsync();
    }

    /// <summary>已报送 → 已备案 (the bureau acknowledges); both parties are told.</summary>
    public async Task<SaveOutcome> AcceptAsync(Filing filing, RoleAssignment reviewer, Guid userId)
    {
        filing.Accept(reviewer, userId, Now);
        var (number, _, bureau) = await DescribeAsync(filing);
        await NotifyPartiesAsync(filing, userId, new DomainMessage("{0}已确认协议 {1} 的备案（已备案）。", bureau, number));
        return await SaveAsync();
    }

    /// <summary>已报送 → 需补正 with the reason and the correction deadline; both parties are told what to correct by when.</summary>
    public async Task<SaveOutcome> ReturnAsync(Filing filing, RoleAssignment reviewer, Guid userId, string reason, DateOnly correctionDueDate)
    {
        // The same working-day rule as the due date (FilingCalendar): a deadline on a rest day moves past it.
        filing.Return(reviewer, userId, Now, reason, correctionDueDate, await FilingCalendar.AroundAsync(db, correctionDueDate, CancellationToken.None));
        var (number, _, bureau) = await DescribeAsync(filing);
        await NotifyPartiesAsync(
            filing, userId,
            new DomainMessage("{0}要求补正协议 {1} 的备案，请于截止 {2:yyyy-MM-dd}（含当日）前补正后重新报送：{3}", bureau, number, filing.CorrectionDueDate, filing.ReturnReason));
        return await SaveAsync();
    }

    private async Task NotifyPartiesAsync(Filing filing, Guid actorId, DomainMessage title)
    {
        var users = await FilingRecipients.PartiesOfAsync(db, filing.AgreementId, CancellationToken.None);
        Notify(filing, users, actorId, NotificationKind.FilingReviewed, title);
    }

    private void Notify(Filing filing, IEnumerable<Guid> users, Guid actorId, NotificationKind kind, DomainMessage title)
    {
        foreach (var user in users.Where(u => u != actorId).Distinct())
        {
            db.Notifications.Add(new Notification(filing.TenantId, user, kind, title, $"/filings/{filing.Id}", Now));
        }
    }

    /// <summary>The agreement's number, the nursing home's name and the bureau's full name (越城区民政局).</summary>
    private async Task<(string Number, string Home, string Bureau)> DescribeAsync(Filing filing)
    {
        var found = await (
            from a in db.Agreements.AsNoTracking()
            join e in db.ElderCareInstitutions on a.ElderCareInstitutionId equals e.Id
            from c in db.Counties.AsNoTracking()
            where a.Id == filing.AgreementId && c.Id == filing.CountyId
            select new { a.DocumentNumber, e.Name, County = c }).SingleAsync();
        var bureau = filing.Bureau == Bureau.CivilAffairs ? found.County.CivilAffairsBureauName : found.County.HealthBureauName;
        return (found.DocumentNumber, found.Name, bureau);
    }

    /// <summary>Conflict when someone else changed the filing since it was loaded (xmin): nothing is saved then.</summary>
    private async Task<SaveOutcome> SaveAsync()
    {
        try
        {
            await db.SaveChangesAsync();
            return SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return SaveOutcome.Conflict;
        }
    }
}
