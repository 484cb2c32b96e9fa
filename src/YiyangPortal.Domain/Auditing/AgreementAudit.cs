using System.Text;
using System.Text.Json.Nodes;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Auditing;

/// <summary>
/// Turns an agreement's history events into audit entries, so every stream uses the same action codes, and checks
/// that what an agreement page shows — its history, the signatures in force, its status and the executed copy — is
/// what the chain recorded.
/// </summary>
public static class AgreementAudit
{
    /// <summary>"agreement.item-change-proposed" for <see cref="AgreementEventKind.ItemChangeProposed"/>.</summary>
    public static string Action(AgreementEventKind kind)
    {
        var code = new StringBuilder("agreement.");
        foreach (var c in kind.ToString())
        {
            if (char.IsUpper(c) && code[^1] != '.')
            {
                code.Append('-');
            }

            code.Append(char.ToLowerInvariant(c));
        }

        return code.ToString();
    }

    /// <summary>
    /// The entry recording <paramref name="recorded"/>, chained after <paramref name="previous"/> and keyed with
    /// <paramref name="key"/>. A keyed entry of a signature also covers the SHA-256 of the text signed and the
    /// signer's address; one of taking effect covers the SHA-256 of the executed copy.
    /// </summary>
    public static AuditEntry Append(
        AuditEntry? previous, Agreement agreement, AgreementEvent recorded, AuditKey? key, string? executedSha256 = null) =>
        AuditEntry.Append(
            previous, agreement.TenantId, agreement.Id, recorded.OccurredAtUtc, recorded.ActorUserId,
            Action(recorded.Kind), Details(agreement, recorded, keyed: key is not null, executedSha256), key);

    /// <summary>
    /// Whether the page's content matches the (already verified) chain: every event of the history has its entry
    /// and no entry lacks its event, the signatures in force were recorded as signed, and the status is the one the
    /// latest recorded step led to. Intact, or the entry at which they part and how.
    /// </summary>
    public static AuditChainVerification Compare(Agreement agreement, IReadOnlyList<AuditEntry> chain, string? executedSha256)
    {
        var events = agreement.Events.ToList();
        foreach (var entry in chain)
        {
            var match = events.FirstOrDefault(e => e.Sequence == entry.Sequence && Matches(agreement, e, entry, executedSha256))
                ?? events.FirstOrDefault(e => Matches(agreement, e, entry, executedSha256));
            if (match is null)
            {
                return AuditChainVerification.BrokenAt(entry.Sequence, $"第 {entry.Sequence} 条审计记录与页面显示的历史不符：历史或签署信息被改动。");
            }

            events.Remove(match);
        }

        if (events.Count > 0)
        {
            return AuditChainVerification.BrokenAt(events[0].Sequence, $"历史中第 {events[0].Sequence} 条不在审计链中：历史被改动。");
        }

        var signed = agreement.Events.Where(e => e.Kind == AgreementEventKind.Signed).ToList();
        foreach (var signature in agreement.Signatures)
        {
            if (!signed.Exists(e => IsEventOf(signature, e)))
            {
                return AuditChainVerification.BrokenAt(chain.Count, $"{signature.Party.ToChinese()}的签署没有审计记录：签署信息被改动。");
            }
        }

        var recordedStatus = agreement.Events.Select(e => StatusAfter(e.Kind)).LastOrDefault(s => s is not null);
        return recordedStatus is { } status && status != agreement.Status
            ? AuditChainVerification.BrokenAt(chain.Count, $"协议状态“{agreement.Status.ToChinese()}”与审计链记录的“{status.ToChinese()}”不符：状态被改动。")
            : AuditChainVerification.Intact;
    }

    /// <summary>The status a step leaves the agreement in; null for steps that keep the status.</summary>
    public static AgreementStatus? StatusAfter(AgreementEventKind kind) => kind switch
    {
        AgreementEventKind.Created => AgreementStatus.Draft,
        AgreementEventKind.Submitted => AgreementStatus.PendingMedicalReview,
        AgreementEventKind.Accepted => AgreementStatus.PendingSignature,
        AgreementEventKind.ReturnedForRevision => AgreementStatus.ReturnedForRevision,
        AgreementEventKind.Signed => AgreementStatus.PartiallySigned,
        AgreementEventKind.BecameEffective => AgreementStatus.Effective,
        AgreementEventKind.Terminated => AgreementStatus.Terminated,
        AgreementEventKind.Expired => AgreementStatus.Expired,
        _ => null,
    };

    private static bool Matches(Agreement agreement, AgreementEvent e, AuditEntry entry, string? executedSha256) =>
        entry.Action == Action(e.Kind)
        && entry.OccurredAtUtc == UtcTimestamp.Normalize(e.OccurredAtUtc)
        && entry.ActorUserId == e.ActorUserId
        && entry.Details == CanonicalJson.Serialize(Details(agreement, e, entry.KeyId is not null, executedSha256));

    private static bool IsEventOf(AgreementSignature signature, AgreementEvent e) =>
        e.Party == signature.Party && e.ActorUserId == signature.UserId
        && UtcTimestamp.Normalize(e.OccurredAtUtc) == UtcTimestamp.Normalize(signature.SignedAtUtc)
        && e.After == $"{signature.SignerName}（{signature.SignerTitle}）";

    private static JsonObject Details(Agreement agreement, AgreementEvent recorded, bool keyed, string? executedSha256)
    {
        var details = new JsonObject { ["round"] = recorded.Round };
        Add(details, "party", recorded.Party?.ToString());
        Add(details, "itemId", recorded.ItemId?.ToString("D"));
        Add(details, "before", recorded.Before);
        Add(details, "after", recorded.After);
        Add(details, "reason", recorded.Reason);
        if (!keyed)
        {
            return details; // scheme v1 entries recorded the event alone
        }

        if (recorded.Kind == AgreementEventKind.Signed
            && agreement.SignatureHistory.FirstOrDefault(s => IsEventOf(s, recorded)) is { } signature)
        {
            details["sha256"] = signature.DocumentSha256;
            details["ip"] = signature.ClientIp;
        }

        if (recorded.Kind == AgreementEventKind.BecameEffective)
        {
            Add(details, "executed", executedSha256);
        }

        return details;
    }

    private static void Add(JsonObject details, string key, string? value)
    {
        if (value is not null)
        {
            details[key] = value;
        }
    }
}
