using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Agreements;

/// <summary>What the elder-care side does while the agreement is 草稿 or 退回修改.</summary>
public sealed partial class Agreement
{
    public void UpdateTerms(AgreementActor by, AgreementTerms terms)
    {
        RequireParty(by, AgreementParty.ElderCare, "修改协议条款");
        Machine.Fire(Trigger.Edit);
        terms = WithTermOwnership(terms);
        if (terms == Terms)
        {
            return;
        }

        var (before, after) = AgreementTermsChanges.Describe(Terms, terms);
        Terms = terms;
        Record(by, AgreementEventKind.TermsEdited, null, before, after, null);
        SyncItemsWithClauses(by);
    }

    /// <summary>Adds a snapshot of a catalogue item at its fee-schedule price; frequency may stay 0 while drafting.</summary>
    public AgreementItem AddItem(AgreementActor by, ServiceItemSnapshot snapshot, int frequency)
    {
        RequireParty(by, AgreementParty.ElderCare, "添加服务项目");
        Machine.Fire(Trigger.Edit);
        if (_items.Exists(i => i.ServiceItemId == snapshot.ServiceItemId))
        {
            throw new DomainException("服务项目“{0}”已在协议中。", snapshot.Name);
        }

        // 附件1 一、二: adding the 坐诊/查房 item never rewrites its clause; a different number is changed at the clause (ADR 050).
        if (Terms.AddedItemConflict(Template, snapshot.Clause, snapshot.Name, frequency) is { } conflict)
        {
            throw new DomainException(conflict);
        }

        var item = new AgreementItem(snapshot, frequency);
        _items.Add(item);
        Record(by, AgreementEventKind.ItemAdded, item.Id, null, item.Describe(), null);
        SyncClauseWith(by, item);
        return item;
    }

    /// <summary>Changes frequency and price; the item goes back to 待审核 for the medical side.</summary>
    public void EditItem(AgreementActor by, Guid itemId, int frequency, Money? unitPrice)
    {
        RequireParty(by, AgreementParty.ElderCare, "修改服务项目");
        Machine.Fire(Trigger.Edit);
        var item = Item(itemId);
        var before = item.Describe();
        if (frequency == item.Frequency && unitPrice == item.UnitPrice)
        {
            return;
        }

        item.Edit(frequency, unitPrice);
        Record(by, AgreementEventKind.ItemEdited, item.Id, before, item.Describe(), null);
        SyncClauseWith(by, item);
    }

    public void RemoveItem(AgreementActor by, Guid itemId)
    {
        RequireParty(by, AgreementParty.ElderCare, "删除服务项目");
        Machine.Fire(Trigger.Edit);
        var item = Item(itemId);
        _items.Remove(item);
        Record(by, AgreementEventKind.ItemRemoved, item.Id, item.Describe(), null, null);
    }

    /// <summary>The elder-care side takes the medical side's proposed frequency/price; the item is then agreed.</summary>
    public void AcceptProposal(AgreementActor by, Guid itemId)
    {
        RequireParty(by, AgreementParty.ElderCare, "接受修改建议");
        Machine.Fire(Trigger.Edit);
        var item = Item(itemId);
        var before = item.Describe();
        var reason = item.ReviewReason;
        item.AcceptProposal();
        Record(by, AgreementEventKind.ProposalAccepted, item.Id, before, item.Describe(), reason);
        SyncClauseWith(by, item);
    }

    /// <summary>
    /// Everything that stops a submission on <paramref name="todayInBeijing"/>, keyed by field (<c>Terms.…</c>,
    /// <c>Items</c>, <c>Items[id].…</c>). Empty when the agreement may be submitted. <see cref="Submit"/> refuses with
    /// the first of these.
    /// </summary>
    public IReadOnlyList<FieldError> Validate(DateOnly todayInBeijing)
    {
        var errors = Terms.Validate(Template)
            .Select(e => e with { Field = $"{nameof(Terms)}.{e.Field}" })
            .ToList();

        // A term already over could never be signed (Agreement.Signing): say so now, at the term, not at signing.
        if (Terms.EndedBefore(todayInBeijing) is { } ended && !errors.Exists(e => e.Field == $"{nameof(Terms)}.{nameof(Terms.Term)}"))
        {
            errors.Add(new FieldError($"{nameof(Terms)}.{nameof(Terms.Term)}", ended));
        }

        if (!IncludedItems.Any())
        {
            errors.Add(new FieldError(nameof(Items), "请至少添加一个服务项目。"));
        }

        foreach (var item in _items)
        {
            ValidateItem(item, errors);
        }

        errors.AddRange(ClauseMismatches());
        return errors;
    }

    private static void ValidateItem(AgreementItem item, List<FieldError> errors)
    {
        var key = $"{nameof(Items)}[{item.Id}]";
        if (item.ReviewState == ItemReviewState.Rejected)
        {
            return;
        }

        if (item.Frequency <= 0)
        {
            errors.Add(new FieldError($"{key}.{nameof(item.Frequency)}", new DomainMessage("请填写“{0}”的服务频次（大于 0）。", item.Name)));
        }

        // 2020 guide 五: self-paid services must state their fee so the elder knows what they will pay.
        if (item.Funding == Funding.SelfPaid && item.UnitPrice is null)
        {
            errors.Add(new FieldError($"{key}.{nameof(item.UnitPrice)}", new DomainMessage("“{0}”为自费项目，请填写单价。", item.Name)));
        }

        if (item.HasOpenProposal)
        {
            errors.Add(new FieldError(key, new DomainMessage("请先处理医疗机构对“{0}”提出的修改建议。", item.Name)));
        }
    }

    /// <summary>
    /// Whether the drafter types the term: only an original 附件1 (its 有效期 is a blank). 附件2's is set at signing
    /// (三、3), and a supplement keeps its original's (2020 guide 九(二)).
    /// </summary>
    public bool TermIsDrafted => Template == AgreementTemplate.MedicalElderCareConsortium && !IsSupplement;

    /// <summary>
    /// Terms posted without a term keep the agreement's where the drafter does not type it (<see cref="TermIsDrafted"/>):
    /// a form without term fields means "unchanged", not "cleared". A term typed where none may be is refused.
    /// </summary>
    private AgreementTerms WithTermOwnership(AgreementTerms terms)
    {
        if (!TermIsDrafted && terms.Term is null)
        {
            return terms with { Term = Terms.Term };
        }

        if (terms.Term is { } term && term != Terms.Term && AgreementTerms.TermProblem(term.From, term.To) is { } problem)
        {
            throw new DomainException(problem);
        }

        if (IsSupplement && terms.Term != Terms.Term)
        {
            throw new DomainException("补充协议的有效期与原协议一致；如需延长，请续签协议。");
        }

        // 附件2 三、3: 自签字之日起生效，有效期一年 — the term is set when the second party signs.
        if (!IsSupplement && Template == AgreementTemplate.ProjectCooperation && terms.Term is not null)
        {
            throw new DomainException("该模板的协议自签字之日起生效，有效期一年，无需填写有效期。");
        }

        return terms;
    }
}
