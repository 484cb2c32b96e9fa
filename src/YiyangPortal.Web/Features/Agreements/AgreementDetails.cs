using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Auditing;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Documents;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Agreements;

public sealed record EventView(AgreementEvent Event, string Actor, string? ItemName);

public sealed record FilingView(Filing Filing, string County);

/// <summary>A supplement (补充协议) of the agreement shown, linked from it.</summary>
public sealed record SupplementLink(Guid Id, string DocumentNumber, AgreementStatus Status);

/// <summary>Everything the detail page shows, and which actions the user may take now.</summary>
public sealed record AgreementDetail(
    Agreement Agreement,
    uint Version,
    string ElderCare,
    string Medical,
    string ElderCareCounty,
    string MedicalCounty,
    AgreementParty? MySide,
    IReadOnlyList<EventView> Events,
    IReadOnlyList<FilingView> Filings,
    string? TextSha256,
    string? ExecutedSha256,
    AuditChainVerification Audit,
    DateOnly Today,
    string MyName,
    string? RenewedAs = null)
{
    /// <summary>The status as shown today: 已签署·待生效 before an agreed term starts.</summary>
    public string StatusLabel => Agreement.StatusLabel(Today);

    public bool IsSignedNotYetInForce => Agreement.IsSignedNotYetInForce(Today);

    public AgreementSignature? SignatureOf(AgreementParty party) => Agreement.Signatures.FirstOrDefault(s => s.Party == party);

    /// <summary>Items the medical side has not decided yet in this round.</summary>
    public int PendingItems => Agreement.Items.Count(i => i.ReviewState == ItemReviewState.Pending);

    /// <summary>The steps the user may take now, as the authorization handler answers from the aggregate.</summary>
    public IReadOnlySet<AgreementAction> Permitted { get; init; } = new HashSet<AgreementAction>();

    /// <summary>出证: the parties and the regulators who received a filing, once there is an executed original.</summary>
    public bool CanDownloadEvidence { get; init; }

    public bool CanEdit => Permitted.Contains(AgreementAction.Edit);

    /// <summary>What the agreement waits for from the user's side now (the domain's rule, as on the home page).</summary>
    public AgreementTask? MyTask => MySide is { } side ? Agreement.AwaitedTask(side) : null;

    public bool CanReview => Permitted.Contains(AgreementAction.ReviewItems);

    public bool CanSign => Permitted.Contains(AgreementAction.Sign);

    public bool CanAccept => Permitted.Contains(AgreementAction.Accept);

    /// <summary>退回修改: 乙方 during the review, either party before both have signed.</summary>
    public bool CanReturn => Permitted.Contains(AgreementAction.ReturnForRevision);

    /// <summary>2020 guide 六(二): the termination awaiting an answer or its day, shown to both parties.</summary>
    public PendingTermination? PendingTermination => Agreement.PendingTermination;

    public bool CanProposeTermination => Permitted.Contains(AgreementAction.ProposeTermination);

    public bool CanConfirmTermination => Permitted.Contains(AgreementAction.ConfirmTermination);

    public bool CanDeclineTermination => Permitted.Contains(AgreementAction.DeclineTermination);

    public bool CanWithdrawTermination => Permitted.Contains(AgreementAction.WithdrawTermination);

    /// <summary>The city's notice period for 单方通知 termination, in days.</summary>
    public int NoticeDays { get; init; } = Domain.Tenancy.Tenant.DefaultTerminationNoticeDays;

    /// <summary>续签 once: not when a renewal (<see cref="RenewedAs"/>) already exists.</summary>
    public bool CanRenew => RenewedAs is null && Permitted.Contains(AgreementAction.Renew);

    public bool CanSupplement => Permitted.Contains(AgreementAction.Supplement);

    /// <summary>履约情况 (issue 15): the clinic records, the home confirms, the regulators who see it read (ADR 047).</summary>
    public bool CanSeeFulfilment { get; init; }

    /// <summary>
    /// 费用 (ADR 035): the parties of an agreement that came into force with a 年度健康服务费 or with 合作经费 items
    /// (ADR 055).
    /// </summary>
    public bool CanSeeFees => Permitted.Contains(AgreementAction.RecordPayment) || Permitted.Contains(AgreementAction.ConfirmPayment)
        || (MySide is not null && Agreement.HasCooperationFeeItems);

    /// <summary>For a supplement: what it changes in the version in force (2020 guide 九(二)), as printed.</summary>
    public IReadOnlyList<string> SupplementChanges { get; init; } = [];

    /// <summary>For a supplement: its original's 协议编号.</summary>
    public string? OriginalNumber { get; init; }

    /// <summary>For an original: its supplements, oldest first.</summary>
    public IReadOnlyList<SupplementLink> Supplements { get; init; } = [];
}

public sealed class AgreementDetails(
    PortalDbContext db, AuditKeyring keys, TimeProvider clock, AgreementWorkflow workflow, IAuthorizationService authorization)
{
    public async Task<AgreementDetail> BuildAsync(Agreement a, ClaimsPrincipal user)
    {
        var me = CurrentUser.From(user) ?? throw new InvalidOperationException("An agreement page ran without a portal user.");
        var permitted = new HashSet<AgreementAction>();
        foreach (var requirement in AgreementRequirement.All)
        {
            if ((await authorization.AuthorizeAsync(user, a, requirement)).Succeeded)
            {
                permitted.Add(requirement.Action);
            }
        }

        var elder = await db.ElderCareInstitutions.AsNoTracking().Where(i => i.Id == a.ElderCareInstitutionId)
            .Join(db.Counties, i => i.CountyId, c => c.Id, (i, c) => new { i.Name, County = c.Name }).SingleAsync();
        var medical = await db.MedicalInstitutions.AsNoTracking().Where(i => i.Id == a.MedicalInstitutionId)
            .Join(db.Counties, i => i.CountyId, c => c.Id, (i, c) => new { i.Name, County = c.Name }).SingleAsync();
        var actorIds = a.Events.Select(e => e.ActorUserId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var items = a.Items.ToDictionary(i => i.Id, i => i.Name);
        var events = a.Events.OrderByDescending(e => e.Sequence)
            .Select(e => new EventView(e, e.ActorUserId is { } id ? names.GetValueOrDefault(id, "—") : "系统", e.ItemId is { } item ? items.GetValueOrDefault(item) : null))
            .ToList();
        var filings = await db.Filings.AsNoTracking().Where(f => f.AgreementId == a.Id)
            .Join(db.Counties, f => f.CountyId, c => c.Id, (f, c) => new FilingView(f, c.Name)).ToListAsync();
        var executedSha256 = await db.AgreementDocuments.Where(d => d.AgreementId == a.Id && d.Kind == AgreementDocumentKind.Executed)
            .OrderBy(d => d.CreatedAtUtc).Select(d => d.Sha256).FirstOrDefaultAsync();
        return new AgreementDetail(
            a, db.Entry(a).Property<uint>("xmin").CurrentValue, elder.Name, medical.Name, elder.County, medical.County,
            me.SideOf(a), events, filings, a.Signatures.FirstOrDefault()?.DocumentSha256,
            executedSha256,
            await VerifyAsync(a, executedSha256),
            BeijingTime.Today(clock.GetUtcNow()),
            PersonName(me.DisplayName),
            await db.Agreements.Where(r => r.RenewalOfId == a.Id).Select(r => r.DocumentNumber).FirstOrDefaultAsync())
        {
            Permitted = permitted,
            CanDownloadEvidence = executedSha256 is not null
                && (await authorization.AuthorizeAsync(user, a, EvidenceRequirement.Download)).Succeeded,
            CanSeeFulfilment = a.HasFulfilment && (await authorization.AuthorizeAsync(user, a, FulfilmentRequirement.Read)).Succeeded,
            SupplementChanges = await workflow.SupplementChangesAsync(a),
            OriginalNumber = a.SupplementToId is { } original
                ? await db.Agreements.Where(o => o.Id == original).Select(o => o.DocumentNumber).SingleAsync()
                : null,
            NoticeDays = await db.Tenants.Where(t => t.Id == a.TenantId).Select(t => t.TerminationNoticeDays).SingleAsync(),
            Supplements = await db.Agreements.AsNoTracking().Where(s => s.SupplementToId == a.Id).OrderBy(s => s.CreatedAtUtc)
                .Select(s => new SupplementLink(s.Id, s.DocumentNumber, s.Status)).ToListAsync(),
        };
    }

    /// <summary>
    /// The audit chain with its keys and checkpoint (edits, recomputation and cut-off entries), then what the page
    /// shows against it: the history, the signatures in force, the status and the executed copy (issue 12).
    /// </summary>
    public async Task<AuditChainVerification> VerifyAsync(Agreement a, string? executedSha256)
    {
        var chain = await db.AuditEntries.AsNoTracking().Where(e => e.AgreementId == a.Id).OrderBy(e => e.Sequence).ToListAsync();
        var checkpoint = await db.AuditCheckpoints.AsNoTracking().SingleOrDefaultAsync(c => c.AgreementId == a.Id);
        var verification = AuditChain.Verify(chain, keys, checkpoint);
        if (!verification.IsIntact)
        {
            return verification;
        }

        var compared = AgreementAudit.Compare(a, chain, executedSha256);
        return compared.IsIntact ? verification : compared;
    }

    /// <summary>"王丽（福乐养老院）" → "王丽": the signer's name the signing form suggests.</summary>
    public static string PersonName(string displayName)
    {
        var cut = displayName.IndexOfAny(['（', '(']);
        return (cut > 0 ? displayName[..cut] : displayName).Trim();
    }
}
