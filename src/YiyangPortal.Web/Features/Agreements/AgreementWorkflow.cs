using Microsoft.EntityFrameworkCore;
using YiyangPortal.Documents;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Auditing;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Documents;
using YiyangPortal.Infrastructure.Fulfilment;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Filings;
using YiyangPortal.Web.Security;

namespace YiyangPortal.Web.Features.Agreements;

/// <summary>The result of saving a change to an agreement.</summary>
public enum SaveOutcome
{
    Saved,

    /// <summary>Someone else changed the agreement since this user loaded it; nothing was written.</summary>
    Conflict,
}

/// <summary>
/// Loads agreements the user may see, and saves a change together with everything that must happen in the same
/// transaction: the hash-chained audit entries of its new events, the stored PDF texts, the filings when it takes
/// effect, and the notifications of the other side.
/// </summary>
public sealed partial class AgreementWorkflow(
    PortalDbContext db, AgreementPdfRenderer renderer, AgreementNotifier notifier, VerificationLinks links,
    FilingCreator filings, AuditKeyring keys, Seals.AgreementSealing seals, TimeProvider clock, ILogger<AgreementWorkflow> logger)
{
    /// <summary>
    /// Indexes a concurrent writer of the same agreement runs into: two steps appending to one history or audit chain
    /// take the same next position, or two renewals of one agreement (issue 12: the loser gets the conflict message).
    /// </summary>
    private static readonly HashSet<string> ConcurrentWriteConstraints =
    [
        "ix_audit_entries_agreement_id_sequence", "ix_agreement_events_agreement_id_sequence", "ix_agreements_renewal_of_id",
        "pk_chain_heads",

        // Two first seals of one institution or city at once (issue 14): the loser is told to try again.
        "ix_institution_seals_party_institution_id", "pk_tenant_seal_authorities",
    ];

    public DateTimeOffset Now => clock.GetUtcNow();

    public IQueryable<Agreement> Visible(CurrentUser me) => db.Agreements.VisibleTo(db, me);

    public Task<Agreement?> FindAsync(Guid id, CurrentUser me) =>
        Visible(me).Include(a => a.Items).Include(a => a.SignatureHistory)
            .SingleOrDefaultAsync(a => a.Id == id);

    public uint VersionOf(Agreement agreement) => db.Entry(agreement).Property<uint>("xmin").CurrentValue;

    /// <summary>The acting side; readers (regulators, admins) are refused with a message.</summary>
    public AgreementActor Actor(CurrentUser me) => me.Party is { } party
        ? new AgreementActor(party, me.Id, Now)
        : throw new DomainException("只有签约双方可以办理协议。");

    /// <summary>
    /// Saves <paramref name="agreement"/> if nobody changed it since <paramref name="expectedVersion"/> (the version
    /// the user's form was rendered with; null for a new agreement or a system step). The events the aggregate
    /// recorded since it was loaded are found here, not passed in: they get their audit-chain entries, the other
    /// side's notifications and, when the agreement has just taken effect, the executed copy and the filings — all in
    /// the same transaction.
    /// </summary>
    public async Task<SaveOutcome> SaveAsync(Agreement agreement, uint? expectedVersion)
    {
        var entry = db.Entry(agreement);
        if (expectedVersion is { } version && entry.State != EntityState.Added)
        {
            entry.Property<uint>("xmin").OriginalValue = version;
        }

        db.ChangeTracker.DetectChanges();
        TouchRootIfChildrenChanged(agreement);
        var recorded = agreement.Events.Where(e => entry.State == EntityState.Added || db.Entry(e).State == EntityState.Added).ToList();

        // Issue 14: each new signature gets its institution's seal, in this unit of work; a refusal throws
        // (DomainException) before anything is written.
        foreach (var signature in agreement.Signatures.Where(s => db.Entry(s).State == EntityState.Added).ToList())
        {
            await seals.SealAsync(agreement, signature, clock);
        }

        var executedSha256 = recorded.Exists(e => e.Kind == AgreementEventKind.BecameEffective) ? await TakeEffectAsync(agreement) : null;
        if (recorded.Exists(e => e.Kind == AgreementEventKind.Terminated) && !agreement.IsSupplement)
        {
            // 2020 guide 六(二): the bureaus that received the signing filing are told of the termination.
            await filings.AddTerminationFilingsForAsync(agreement, CancellationToken.None);
        }

        var head = await AppendAuditAsync(agreement, recorded, executedSha256);
        var messages = await notifier.QueueAsync(agreement, recorded);

        // One transaction: the aggregate, its audit entries and the checkpoint of the new chain head (ADR 019).
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            try
            {
                await db.SaveChangesAsync();
                if (recorded.Exists(e => e.Kind is AgreementEventKind.BecameEffective or AgreementEventKind.Terminated))
                {
                    // ADR 034: the plan's agreed counts, stored for the regulators' rates, from ServicePlan.Of.
                    await ServicePlanStore.SyncAsync(db, agreement, CancellationToken.None);
                }

                if (head is not null)
                {
                    await AuditCheckpoints.RecordAsync(db, AuditCheckpoint.Of(head, keys.Current!, Now), CancellationToken.None);
                }

                await transaction.CommitAsync();
            }
            catch (Exception e) when (IsConcurrentWrite(e))
            {
                // Nothing was written; forget the refused change so a later save in this scope does not retry it.
                await transaction.RollbackAsync();
                db.ChangeTracker.Clear();
                return SaveOutcome.Conflict;
            }
        }

        if (head is not null)
        {
            // A copy of each chain head outside the database (the log), to compare with if the database is rolled back.
            LogChainHead(logger, agreement.Id, head.Sequence, head.Hash);
        }

        await notifier.SendAsync(messages);

        // 2020 guide 九(二): a supplement is part of its original and ends with it.
        if (recorded.Exists(e => e.Kind is AgreementEventKind.Terminated or AgreementEventKind.Expired))
        {
            await EndSupplementsWithAsync(agreement);
        }

        return SaveOutcome.Saved;
    }

    /// <summary>
    /// ADR 051: the agreement's version (xmin) is the version of the whole aggregate. A step that changes only its
    /// children (an item decision, an added item, a new event) would leave the root row untouched, so PostgreSQL would
    /// neither check nor change its xmin and a stale page's second step would silently win. Such a save updates the
    /// root row as well (a column set to its own value): the version the page carried is checked, and changes.
    /// (Setting the expected version makes xmin itself "modified", but xmin is never written, so that alone issues no
    /// UPDATE and checks nothing: only a written column counts.)
    /// </summary>
    private void TouchRootIfChildrenChanged(Agreement agreement)
    {
        var root = db.Entry(agreement);
        if (root.State is not (EntityState.Unchanged or EntityState.Modified)
            || root.Properties.Any(p => p.IsModified && p.Metadata.Name != "xmin"))
        {
            return;
        }

        static bool Changed(EntityState state) => state is EntityState.Added or EntityState.Modified or EntityState.Deleted;
        var childChanged = agreement.Items.Any(i => Changed(db.Entry(i).State))
            || agreement.SignatureHistory.Any(s => Changed(db.Entry(s).State))
            || agreement.Events.Any(e => Changed(db.Entry(e).State))
            || db.ChangeTracker.Entries<AgreementItem>().Any(i => i.State == EntityState.Deleted
                && Equals(i.Property("AgreementId").CurrentValue, agreement.Id));
        if (childChanged)
        {
            root.Property(a => a.Status).IsModified = true;
        }
    }

    /// <summary>
    /// Whether <paramref name="e"/> means someone else changed the agreement first: the version check, or one of the
    /// indexes two concurrent steps collide on. Anything else (a bug, the database gone) is not a conflict.
    /// </summary>
    public static bool IsConcurrentWrite(Exception e) => e switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: Npgsql.PostgresException inner } => IsConcurrentWrite(inner),
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } unique =>
            unique.ConstraintName is { } name && ConcurrentWriteConstraints.Contains(name),
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.SerializationFailure or Npgsql.PostgresErrorCodes.DeadlockDetected } => true,

        // audit.record_chain_head refuses a checkpoint that is no longer the head: another step appended meanwhile.
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.CheckViolation, MessageText: var text } => text.StartsWith("audit checkpoint", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>
    /// The text both representatives sign: stored at the first signature and reused by the second, so both sign
    /// exactly the same bytes (their SHA-256 is recorded with each signature).
    /// </summary>
    public async Task<AgreementDocument> TextForSignatureAsync(Agreement agreement)
    {
        if (agreement.Signatures.FirstOrDefault() is { } first)
        {
            return await db.AgreementDocuments.SingleAsync(d => d.AgreementId == agreement.Id && d.Sha256 == first.DocumentSha256);
        }

        var (elderCare, medical) = await PartiesAsync(agreement);
        var rendered = renderer.RenderWithLayout(AgreementPdf.Model(
            agreement, elderCare, medical, links.For(agreement), draft: false, await SupplementDocumentAsync(agreement)));
        var document = new AgreementDocument(
            agreement.TenantId, agreement.Id, AgreementDocumentKind.ForSignature, rendered.Pdf, Now, Seals.SealLayout.Of(rendered).ToJson());
        db.AgreementDocuments.Add(document);
        return document;
    }

    /// <summary>The PDF to show: the executed copy once in force, the signed text while signing, else a 草稿 rendering.</summary>
    public async Task<byte[]> PdfAsync(Agreement agreement)
    {
        var stored = await db.AgreementDocuments.AsNoTracking()
            .Where(d => d.AgreementId == agreement.Id)
            .OrderByDescending(d => d.Kind == AgreementDocumentKind.Executed).ThenByDescending(d => d.CreatedAtUtc)
            .ThenByDescending(d => d.Kind == AgreementDocumentKind.SealedOnce)
            .FirstOrDefaultAsync();
        if (stored is not null && (stored.Kind == AgreementDocumentKind.Executed || agreement.Signatures.Count > 0))
        {
            return stored.Content;
        }

        var (elderCare, medical) = await PartiesAsync(agreement);
        var draft = agreement.Status is not (AgreementStatus.PendingSignature or AgreementStatus.PartiallySigned);
        return renderer.Render(AgreementPdf.Model(agreement, elderCare, medical, links.For(agreement), draft, await SupplementDocumentAsync(agreement)));
    }

    /// <summary>
    /// The executed original is the text sealed by both parties, stored by the second seal (issue 14); adds the
    /// filings and returns the original's SHA-256 for the audit entry.
    /// </summary>
    private async Task<string> TakeEffectAsync(Agreement agreement)
    {
        var (elderCare, medical) = await PartiesAsync(agreement);
        var executed = db.AgreementDocuments.Local.LastOrDefault(d => d.AgreementId == agreement.Id && d.Kind == AgreementDocumentKind.Executed)
            ?? throw new InvalidOperationException("An agreement takes effect with its second seal; no sealed original was made.");

        // 2020 guide 六(四): file with the county 民政 and 卫健 within one month of signing.
        await filings.AddFilingsForAsync(agreement, elderCare, medical, CancellationToken.None);
        return executed.Sha256;
    }

    /// <summary>Keyed audit entries for the new events; returns the new chain head (null when nothing was recorded).</summary>
    private async Task<AuditEntry?> AppendAuditAsync(Agreement agreement, IReadOnlyList<AgreementEvent> recorded, string? executedSha256)
    {
        if (recorded.Count == 0)
        {
            return null;
        }

        var previous = await db.AuditEntries.Where(e => e.AgreementId == agreement.Id)
            .OrderByDescending(e => e.Sequence).FirstOrDefaultAsync();
        foreach (var e in recorded)
        {
            previous = AgreementAudit.Append(previous, agreement, e, keys.Current, executedSha256);
            db.AuditEntries.Add(previous);
        }

        return previous;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit chain {AgreementId} head {Sequence} {Hash}")]
    private static partial void LogChainHead(ILogger logger, Guid agreementId, long sequence, string hash);

    private async Task<(Domain.Institutions.ElderCareInstitution, Domain.Institutions.MedicalInstitution)> PartiesAsync(Agreement agreement) =>
        (await db.ElderCareInstitutions.SingleAsync(i => i.Id == agreement.ElderCareInstitutionId),
         await db.MedicalInstitutions.SingleAsync(i => i.Id == agreement.MedicalInstitutionId));
}
