using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Agreements;

/// <summary>Termination, expiry, renewal (续签) and supplements (补充协议).</summary>
public sealed partial class Agreement
{
    /// <summary>
    /// 已生效 → 已终止, by either party, with a reason. <paramref name="terminatedOn"/> is the Beijing day the
    /// termination takes effect: not before the agreement took effect and not later than the day of the act.
    /// </summary>
    public void Terminate(AgreementActor by, string reason, DateOnly terminatedOn)
    {
        by.EnsureKnown();
        Machine.EnsureCanFire(Trigger.Terminate);
        var why = RequireReason(reason, "终止协议");
        if (EffectiveAtUtc is { } effectiveAt && terminatedOn < BeijingTime.DateOf(effectiveAt))
        {
            throw new DomainException("终止日期不能早于协议生效日期。");
        }

        if (terminatedOn > BeijingTime.DateOf(by.AtUtc))
        {
            throw new DomainException("终止日期不能晚于今天。");
        }

        TerminatedOn = terminatedOn;
        TerminatedBy = by.Party;
        TerminationReason = why;
        Machine.Fire(Trigger.Terminate);
        Record(by, AgreementEventKind.Terminated, null, null, BeijingTime.FormatChineseDate(terminatedOn), why);
    }

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
        if (Status is not (AgreementStatus.Effective or AgreementStatus.Expired))
        {
            throw new DomainException("只有已生效或已到期的协议可以续签。");
        }

        if (existingRenewal is not null)
        {
            throw new DomainException($"该协议已续签（{existingRenewal}），不能重复续签；请在续签协议上继续办理。");
        }

        var terms = Template == AgreementTemplate.ProjectCooperation
            ? Terms with { Term = null }
            : Terms with { Term = Terms.Term is { } term ? AgreementRenewalTerm.Following(term) : null };
        var renewal = NewDraftFromThis(by, documentNumber, terms);
        renewal.RenewalOfId = Id;
        return renewal;
    }

    /// <summary>
    /// 补充协议 (附件2 三、1; DOMAIN rule 5): a new 草稿 linked to this effective agreement, restating its terms and
    /// items for the parties to change, with the same validity period, and the same review and signing workflow.
    /// </summary>
    public Agreement CreateSupplement(AgreementActor by, string documentNumber)
    {
        if (Status != AgreementStatus.Effective)
        {
            throw new DomainException("只有已生效的协议可以签订补充协议。");
        }

        var supplement = NewDraftFromThis(by, documentNumber, Terms);
        supplement.SupplementToId = Id;
        return supplement;
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
