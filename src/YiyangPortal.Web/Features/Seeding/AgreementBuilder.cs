using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Agreements;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>
/// Builds one agreement in any state the way people do in the browser: 甲方 drafts and submits, 乙方 reviews
/// (approves, or proposes a change and returns), both sign the same rendered text, and once in force the parties
/// file and the county bureaus review. Every step is a method of the aggregate (or of <see cref="Filing"/>) saved
/// through <see cref="AgreementWorkflow.SaveAsync"/> or the filing workflow, at the story's instant, so the
/// result carries its audit chain, notifications, rendered PDFs and filings. Used by the demo seeding and the tests.
/// </summary>
public sealed partial class AgreementBuilder(SeedingScope scope)
{
    private static readonly TimeSpan Submitting = TimeSpan.FromDays(2);
    private static readonly TimeSpan Reviewing = TimeSpan.FromDays(4);
    private static readonly TimeSpan Signing = TimeSpan.FromDays(6);
    private static readonly TimeSpan SecondSignature = TimeSpan.FromDays(6) + TimeSpan.FromHours(3);

    // Per scope: who acts for each institution and county bureau does not change while seeding.
    private readonly Dictionary<Guid, PartyUser> _users = [];
    private readonly Dictionary<(Bureau, Guid), Guid> _reviewers = [];
    private readonly Dictionary<Guid, County> _counties = [];

    public async Task<Agreement> BuildAsync(AgreementStory story)
    {
        scope.Db.ChangeTracker.Clear();
        var start = story.At - Offset(story.Target);
        var home = await scope.Db.ElderCareInstitutions.AsNoTracking().SingleAsync(i => i.Id == story.HomeId);
        var partner = await scope.Db.MedicalInstitutions.AsNoTracking().SingleAsync(i => i.Id == story.PartnerId);
        var staff = await PartyUserAsync(AgreementParty.ElderCare, home.Id, primaryLevel: false);
        var clinic = await PartyUserAsync(AgreementParty.Medical, partner.Id, partner.IsPrimaryLevel);
        var signing = BeijingTime.DateOf(start + Signing);

        At(start);
        var county = await CountyAsync(home.CountyId);
        var number = story.DocumentNumber ?? await DocumentCounters.NextAsync(scope.Db, county.DivisionCode, scope.Clock.GetUtcNow());
        var prefilled = AgreementTerms.Prefilled(story.Template, county, home, partner);
        var terms = await TermsAsync(story, prefilled, home, partner, staff.Signer, clinic.Signer, signing);
        var agreement = Agreement.Draft(home.TenantId, home.Id, partner.Id, story.Template, number, terms, Actor(staff));
        scope.Db.Agreements.Add(agreement);
        await AddItemsAsync(agreement, story.Items ?? DefaultItems(story.Template, partner), partner, Actor(staff));

        // Drafting and submitting are saved together (each event keeps its own time): one round trip less a story.
        if (story.Reaches(AgreementStatus.PendingMedicalReview))
        {
            At(start + Submitting);
            agreement.Submit(Actor(staff));
        }

        await SaveAsync(agreement);
        if (story.Reaches(AgreementStatus.ReturnedForRevision))
        {
            At(start + Reviewing);
            ProposeAndReturn(agreement, Actor(clinic), story.WithProposal);
            await SaveAsync(agreement);
            await ReadOldMessagesAsync(agreement);
            return Done(agreement);
        }

        if (story.Reaches(AgreementStatus.PendingSignature))
        {
            At(start + Reviewing);
            foreach (var item in agreement.Items)
            {
                agreement.ApproveItem(Actor(clinic), item.Id);
            }

            agreement.Accept(Actor(clinic));
            await SaveAsync(agreement);
        }

        var (first, second) = story.ElderCareSignsFirst ? (staff, clinic) : (clinic, staff);
        if (story.Reaches(AgreementStatus.PartiallySigned))
        {
            await SignAsync(agreement, start + Signing, first);
        }

        if (story.Reaches(AgreementStatus.Effective))
        {
            await SignAsync(agreement, start + SecondSignature, second);
            await FileAsync(agreement, story.CivilAffairs, story.Health, staff, clinic);
        }

        await EndAsync(agreement, story, staff, clinic);
        await ReadOldMessagesAsync(agreement);
        return Done(agreement);
    }

    /// <summary>
    /// People read their messages: those about this agreement and its filings that are more than three days old are
    /// marked read a couple of hours after they came, so a first run's inbox shows what is new, not the whole story.
    /// </summary>
    private async Task ReadOldMessagesAsync(Agreement agreement)
    {
        var before = scope.Clock.Latest.AddDays(-3);
        var filings = await scope.Db.Filings.Where(f => f.AgreementId == agreement.Id).Select(f => "/filings/" + f.Id).ToListAsync();
        var links = filings.Append($"/agreements/{agreement.Id}").ToList();
        var old = await scope.Db.Notifications
            .Where(n => (links.Contains(n.Link) || (n.Link == "/filings" && n.Title.Contains(agreement.DocumentNumber)))
                        && n.ReadAtUtc == null && n.CreatedAtUtc < before)
            .ToListAsync();
        foreach (var notification in old)
        {
            notification.MarkRead(notification.CreatedAtUtc.AddHours(2));
        }

        await scope.Db.SaveChangesAsync();
    }

    /// <summary>How long after the draft the target state was reached.</summary>
    private static TimeSpan Offset(AgreementStatus target) => target switch
    {
        AgreementStatus.Draft => TimeSpan.Zero,
        AgreementStatus.PendingMedicalReview => Submitting,
        AgreementStatus.ReturnedForRevision or AgreementStatus.PendingSignature => Reviewing,
        AgreementStatus.PartiallySigned => Signing,
        _ => SecondSignature,
    };

    private void At(DateTimeOffset instant) => scope.Clock.MoveTo(instant);

    private AgreementActor Actor(PartyUser user) => new(user.Party, user.Id, scope.Clock.GetUtcNow());

    private Agreement Done(Agreement agreement)
    {
        scope.Db.ChangeTracker.Clear();
        return agreement;
    }

    private async Task SaveAsync(Agreement agreement)
    {
        if (await scope.Agreements.SaveAsync(agreement, null) != SaveOutcome.Saved)
        {
            throw new InvalidOperationException($"Agreement {agreement.DocumentNumber} changed while it was being built.");
        }
    }

    private async Task SignAsync(Agreement agreement, DateTimeOffset at, PartyUser signer)
    {
        At(at);
        var text = await scope.Agreements.TextForSignatureAsync(agreement);
        // Stories are built one after another, not in the order of their dates: a story's pair is not checked against
        // agreements built before it (ADR 052 is the pages' rule; the demo data keeps to it by its dates).
        agreement.Sign(Actor(signer), signer.Signer, signer.Title, "127.0.0.1", text.Sha256, []);
        await SaveAsync(agreement);
    }

    /// <summary>已终止 by 甲方's proposal and 乙方's confirmation with the story's reason, or 已到期 as the daily sweep marks it once the term has ended.</summary>
    private async Task EndAsync(Agreement agreement, AgreementStory story, PartyUser staff, PartyUser clinic)
    {
        if (story.Target == AgreementStatus.Terminated)
        {
            // 2020 guide 六(二): 协商一致 — 甲方 proposes that day's end, 乙方 confirms it hours later.
            var at = story.TerminatedAt ?? agreement.EffectiveAtUtc!.Value.AddDays(30);
            var proposedAt = at.AddHours(-4) > agreement.EffectiveAtUtc!.Value ? at.AddHours(-4) : at;
            At(proposedAt);
            agreement.ProposeTermination(Actor(staff), TerminationKind.Mutual, story.TerminationReason, BeijingTime.DateOf(at), Tenant.DefaultTerminationNoticeDays);
            await SaveAsync(agreement);
            At(at);
            agreement.ConfirmTermination(Actor(clinic));
            await SaveAsync(agreement);
        }
        else if (story.Target == AgreementStatus.Expired)
        {
            At(scope.Clock.Latest);
            agreement.Expire(BeijingTime.Today(scope.Clock.Latest));
            await SaveAsync(agreement);
        }
    }

    /// <summary>
    /// 乙方 returns the agreement to 甲方: with a proposal (another frequency for the last item, the others approved) or
    /// with its reason only.
    /// </summary>
    private static void ProposeAndReturn(Agreement agreement, AgreementActor clinic, bool withProposal)
    {
        if (!withProposal)
        {
            agreement.ReturnForRevision(clinic, "请确认服务频次后重新提交。");
            return;
        }

        var proposed = agreement.Items[^1];
        foreach (var item in agreement.Items.Where(i => i.Id != proposed.Id))
        {
            agreement.ApproveItem(clinic, item.Id);
        }

        agreement.ProposeChange(
            clinic, proposed.Id, Math.Max(1, proposed.Frequency / 2), null, "本院人员安排有限，建议减少频次，其余项目同意。");
        agreement.ReturnForRevision(clinic, "请确认修改建议后重新提交。");
    }

    /// <summary>The institution's first account: the person who drafts, reviews or signs for it.</summary>
    private async Task<PartyUser> PartyUserAsync(AgreementParty party, Guid institutionId, bool primaryLevel)
    {
        if (_users.TryGetValue(institutionId, out var known))
        {
            return known;
        }

        var user = await scope.Db.Users
            .Where(u => party == AgreementParty.ElderCare
                ? u.Role == PortalRole.ElderCareStaff && u.ElderCareInstitutionId == institutionId
                : u.Role == PortalRole.MedicalAdmin && u.MedicalInstitutionId == institutionId)
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException($"No {party} account for institution {institutionId}: a demo agreement needs one.");

        // "王丽（福乐养老院）" signs as 王丽.
        var name = user.DisplayName.Split('（')[0].Trim();
        var signer = name.Length is > 0 and <= 30 ? name : user.DisplayName[..Math.Min(30, user.DisplayName.Length)];
        var title = party == AgreementParty.ElderCare ? "院长" : primaryLevel ? "主任" : "副院长";
        return _users[institutionId] = new PartyUser(party, user.Id, signer, title);
    }

    private async Task<County> CountyAsync(Guid id)
    {
        if (!_counties.TryGetValue(id, out var county))
        {
            _counties[id] = county = await scope.Db.Counties.AsNoTracking().SingleAsync(c => c.Id == id);
        }

        return county;
    }

    private sealed record PartyUser(AgreementParty Party, Guid Id, string Signer, string Title);
}
