using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Agreements;

/// <summary>Expiry, renewal (续签) and supplements (补充协议); termination is in Agreement.Termination.cs.</summary>
public sealed partial class Agreement
{
    /// <summary>Whether a daily sweep should mark this agreement 已到期 on <paramref name="todayInBeijing"/>.</summary>
    public bool HasTermEnded(DateOnly todayInBeijing) =>
        Status == AgreementStatus.Effective && Terms.Term?.To is { } end && todayInBeijing > end;

    /// <summary>
    /// 已生效 → 已到期 once the last day of the term has passed. Recorded as of the start of the day after the term
    /// (Beijing), whenever the sweep runs, so the history does not depend on the sweep's timing.
    /// </summary>
    public void Expire(DateOnly todayInBeijing)
    {
        Machine.EnsureCanFire(Trigger.Expire);
        if (!HasTermEnded(todayInBeijing))
        {
            throw new DomainException("协议尚在有效期内，不能标记为已到期。");
        }

        var end = Terms.Term!.Value.To!.Value;
        Machine.Fire(Trigger.Expire);
        _events.Add(new AgreementEvent(
            NextSequence, ReviewRound, BeijingTime.StartOfDayUtc(end.AddDays(1)), null, null, AgreementEventKind.Expired, null, null,
            Terms.Term.ToString(), null));
    }

    /// <summary>
    /// 续签 (2020 guide 六(二): renew in writing when cooperation went well; content may be adjusted): a new 草稿 of the
    /// same parties and template, prefilled with the agreed terms and items, for a term of the same length that starts
    /// the day after this one ends (附件2: again one year from signing).
    /// </summary>
    /// <param name="existingRenewal">The document number of the renewal this agreement already has, if any: it is
    /// renewed once (the next renewal renews the renewal).</param>
    public Agreement CreateRenewal(AgreementActor by, string documentNumber, string? existingRenewal = null)
    {
        RequireParty(by, AgreementParty.ElderCare, "续签协议");
        if (Status is not (AgreementStatus.Effective or AgreementStatus.Expired))
        {
            throw new DomainException("只有已生效或已到期的协议可以续签。");
        }

        if (existingRenewal is not null)
        {
            throw new DomainException("该协议已续签（{0}），不能重复续签；请在续签协议上继续办理。", existingRenewal);
        }

        var terms = Template == AgreementTemplate.ProjectCooperation
            ? Terms with { Term = null }
            : Terms with { Term = Terms.Term is { } term ? AgreementRenewalTerm.Following(term) : null };
        var renewal = NewDraftFromThis(by, documentNumber, terms);
        renewal.RenewalOfId = Id;
        return renewal;
    }

    /// <summary>
    /// 补充协议 (2020 guide 九(二): 如有重大调整，应当及时签订补充协议; 附件2 三、1): a new 草稿 linked to this effective
    /// original, prefilled with the content in force — that of the latest effective supplement, else the original's —
    /// for the parties to change. It keeps the original's validity period, goes through the same review and signing,
    /// prints only what it changes (<see cref="SupplementChanges"/>) and ends when the original ends.
    /// </summary>
    /// <param name="supplements">This original's existing supplements.</param>
    public Agreement CreateSupplement(AgreementActor by, string documentNumber, IReadOnlyCollection<Agreement> supplements)
    {
        RequireParty(by, AgreementParty.ElderCare, "签订补充协议");
        if (IsSupplement)
        {
            throw new DomainException("补充协议不能再签订补充协议；请在原协议上签订新的补充协议。");
        }

        if (Status != AgreementStatus.Effective)
        {
            throw new DomainException("只有已生效的协议可以签订补充协议。");
        }

        if (supplements.FirstOrDefault(s => s.SupplementToId == Id && !s.IsImmutable) is { } open)
        {
            throw new DomainException("该协议已有办理中的补充协议（{0}），请在该补充协议上继续办理。", open.DocumentNumber);
        }

        var basis = SupplementBasisAmong(this, supplements, before: null);
        var supplement = basis.NewDraftFromThis(by, documentNumber, basis.Terms with { Term = Terms.Term });
        supplement.SupplementToId = Id;
        return supplement;
    }

    /// <summary>
    /// The version a supplement changes: the latest supplement of the same original in force before this one took
    /// effect (or now, while it is being drafted), else the original.
    /// </summary>
    public Agreement SupplementBasis(Agreement original, IEnumerable<Agreement> supplements)
    {
        if (SupplementToId != original.Id)
        {
            throw new InvalidOperationException("Not this supplement's original.");
        }

        return SupplementBasisAmong(original, supplements.Where(s => s.Id != Id), EffectiveAtUtc);
    }

    private static Agreement SupplementBasisAmong(Agreement original, IEnumerable<Agreement> supplements, DateTimeOffset? before) =>
        supplements
            .Where(s => s.SupplementToId == original.Id && s.EffectiveAtUtc is { } at && (before is null || at < before))
            .Where(s => s.Status == AgreementStatus.Effective || before is not null)
            .OrderBy(s => s.EffectiveAtUtc)
            .LastOrDefault() ?? original;

    /// <summary>
    /// 2020 guide 九(二): a supplement is part of its original and ends with it — 已终止 on the original's termination
    /// date, 已到期 when the original's term has passed. Nothing happens to a supplement not in force.
    /// </summary>
    public void EndWithOriginal(Agreement original, DateOnly todayInBeijing)
    {
        if (SupplementToId != original.Id)
        {
            throw new InvalidOperationException("Not this supplement's original.");
        }

        if (Status != AgreementStatus.Effective)
        {
            return;
        }

        if (original.Status == AgreementStatus.Terminated && original.TerminatedOn is { } on)
        {
            TerminatedOn = on;
            TerminatedBy = original.TerminatedBy;
            TerminationReason = $"原协议（{original.DocumentNumber}）已终止，本补充协议随之终止。";
            Machine.Fire(Trigger.Terminate);
            var at = original.Events.LastOrDefault(e => e.Kind == AgreementEventKind.Terminated)?.OccurredAtUtc ?? BeijingTime.StartOfDayUtc(on);
            _events.Add(new AgreementEvent(
                NextSequence, ReviewRound, at, null, null, AgreementEventKind.Terminated, null, null,
                BeijingTime.FormatChineseDate(on), TerminationReason));
        }
        else if (original.Status == AgreementStatus.Expired && HasTermEnded(todayInBeijing))
        {
            Expire(todayInBeijing);
        }
    }

    private Agreement NewDraftFromThis(AgreementActor by, string documentNumber, AgreementTerms terms)
    {
        var draft = new Agreement(
            TenantId, ElderCareInstitutionId, MedicalInstitutionId, Template, documentNumber, terms, by);

        // Copies are new snapshots awaiting review: the medical side approves the next version afresh.
        draft._items.AddRange(IncludedItems.Select(i => i.CopyForNewDraft()));
        return draft;
    }
}
