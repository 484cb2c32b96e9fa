using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// 附件1 prints the 坐诊 and 查房 numbers twice: in clauses 一 and 二 and in the schedule of agreed items. They are one
/// number: whichever side of it changes (the drafter edits the clause or the item, or accepts the clinic's proposal
/// for the item), the other follows in the same step, and the history records both. <see cref="ClauseMismatches"/>
/// stops submission and signing should the two ever differ (e.g. data from before this rule).
/// </summary>
public sealed partial class Agreement
{
    /// <summary>Clause/item pairs whose numbers differ, keyed by the clause's terms field.</summary>
    public IEnumerable<FieldError> ClauseMismatches()
    {
        if (Template != AgreementTemplate.MedicalElderCareConsortium)
        {
            yield break;
        }

        foreach (var item in IncludedItems.Where(i => i.Clause is not null))
        {
            var clause = item.Clause!.Value;
            if (Terms.NumberOf(clause) is { } number && number != item.Frequency)
            {
                var inClause = ItemFrequency.Format(number, ServiceUnit.TimesPerMonth);
                var inItem = ItemFrequency.Format(item.Frequency, item.Unit);
                yield return new FieldError(
                    $"{nameof(Terms)}.{clause.TermsField()}",
                    new DomainMessage("{0}（{1}）与服务项目“{2}”的频次（{3}）不一致，请改为同一数值。", clause.ToChinese(), inClause, item.Name, inItem));
            }
        }
    }

    /// <summary>After an item's frequency changed: the clause that repeats it takes the same number.</summary>
    private void SyncClauseWith(AgreementActor by, AgreementItem item)
    {
        if (Template != AgreementTemplate.MedicalElderCareConsortium || item.Clause is not { } clause || !clause.RepeatsInTerms()
            || item.Frequency <= 0 || Terms.NumberOf(clause) == item.Frequency)
        {
            return;
        }

        var updated = Terms.WithNumber(clause, item.Frequency);
        var (before, after) = AgreementTermsChanges.Describe(Terms, updated);
        Terms = updated;
        Record(by, AgreementEventKind.TermsEdited, null, before, after, $"与服务项目“{item.Name}”的频次保持一致");
    }

    /// <summary>After the terms changed: the items that repeat a clause take its number (and go back to review).</summary>
    private void SyncItemsWithClauses(AgreementActor by)
    {
        if (Template != AgreementTemplate.MedicalElderCareConsortium)
        {
            return;
        }

        foreach (var item in _items.Where(i => i.Clause is not null && i.ReviewState != ItemReviewState.Rejected))
        {
            if (Terms.NumberOf(item.Clause!.Value) is { } number && number > 0 && number != item.Frequency)
            {
                var before = item.Describe();
                item.Edit(number, item.UnitPrice);
                Record(by, AgreementEventKind.ItemEdited, item.Id, before, item.Describe(), $"与{item.Clause.Value.ToChinese()}保持一致");
            }
        }
    }
}
