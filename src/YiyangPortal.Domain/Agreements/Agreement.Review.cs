using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Agreements;

/// <summary>Submission by the elder-care side and the medical side's item-by-item review.</summary>
public sealed partial class Agreement
{
    /// <summary>草稿/退回修改 → 待医疗机构审核, if <see cref="Validate"/> finds nothing missing.</summary>
    /// <param name="supplementBasis">For a 补充协议, the version it changes (<see cref="SupplementBasis"/>).</param>
    public void Submit(AgreementActor by, Agreement? supplementBasis = null)
    {
        RequireParty(by, AgreementParty.ElderCare, "提交审核");
        Machine.EnsureCanFire(Trigger.Submit);

        // 2020 guide 九(二): a supplement exists for a change; one that changes nothing has nothing to sign.
        if (IsSupplement && SupplementChanges.Between(
                supplementBasis ?? throw new InvalidOperationException("A supplement is submitted with the version it changes."), this).Count == 0)
        {
            throw new DomainException("补充协议尚未变更原协议的任何内容。请先修改需要调整的条款或服务项目，再提交审核。");
        }

        var errors = Validate(BeijingTime.DateOf(by.AtUtc));
        if (errors.Count > 0)
        {
            throw errors.Count > 1
                ? new DomainException("协议内容不完整：{0}（共 {1} 处需要补充或修改）", errors[0].Text, errors.Count)
                : new DomainException("协议内容不完整：{0}", errors[0].Text);
        }

        ReviewRound++;
        SubmittedAtUtc = by.AtUtc;
        Machine.Fire(Trigger.Submit);
        Record(by, AgreementEventKind.Submitted, null, null, null, null);
    }

    public void ApproveItem(AgreementActor by, Guid itemId)
    {
        RequireReviewer(by);
        var item = Item(itemId);
        item.Approve();
        Record(by, AgreementEventKind.ItemApproved, item.Id, null, item.Describe(), null);
    }

    /// <summary>"全部同意": approves every item not yet reviewed in this round; decided items keep their decision.</summary>
    public int ApproveRemaining(AgreementActor by)
    {
        RequireReviewer(by);
        var remaining = _items.Where(i => i.ReviewState == ItemReviewState.Pending).ToList();
        if (remaining.Count == 0)
        {
            throw new DomainException("没有待审核的服务项目。");
        }

        foreach (var item in remaining)
        {
            item.Approve();
            Record(by, AgreementEventKind.ItemApproved, item.Id, null, item.Describe(), null);
        }

        return remaining.Count;
    }

    public void RejectItem(AgreementActor by, Guid itemId, string reason)
    {
        RequireReviewer(by);
        var item = Item(itemId);
        var why = RequireReason(reason, "不同意");
        item.Reject(why);
        Record(by, AgreementEventKind.ItemRejected, item.Id, item.Describe(), null, why);
    }

    /// <summary>The medical side proposes another frequency and/or price (附件1: in writing, with reasons).</summary>
    public void ProposeChange(AgreementActor by, Guid itemId, int? frequency, Money? unitPrice, string reason)
    {
        RequireReviewer(by);
        var item = Item(itemId);
        var why = RequireReason(reason, "修改建议");
        var before = item.Describe();
        item.ProposeChange(frequency, unitPrice, why);
        Record(by, AgreementEventKind.ItemChangeProposed, item.Id, before, item.DescribeProposal(), why);
    }

    /// <summary>待医疗机构审核 → 待签署, once every item is decided and no proposal waits for the elder-care side.</summary>
    public void Accept(AgreementActor by)
    {
        RequireParty(by, AgreementParty.Medical, "审核通过协议");
        Machine.EnsureCanFire(Trigger.Accept);
        var pending = _items.Count(i => i.ReviewState == ItemReviewState.Pending);
        if (pending > 0)
        {
            throw new DomainException("还有 {0} 个服务项目未审核。", pending);
        }

        if (_items.Exists(i => i.HasOpenProposal))
        {
            throw new DomainException("有修改建议需甲方确认，请退回修改。");
        }

        if (!_items.Exists(i => i.ReviewState == ItemReviewState.Approved))
        {
            throw new DomainException("至少须同意一个服务项目；如全部不同意，请退回修改。");
        }

        // The term may have run out while the agreement waited for review: refuse now rather than at signing.
        if (Terms.EndedBefore(BeijingTime.DateOf(by.AtUtc)) is not null)
        {
            throw new DomainException("协议有效期已于 {0} 结束，不能审核通过；请退回修改，由甲方修改有效期。", Terms.Term!.Value.To!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        Machine.Fire(Trigger.Accept);
        Record(by, AgreementEventKind.Accepted, null, null, null, null);
    }

    /// <summary>
    /// → 退回修改. During review only the medical side returns; before both have signed either side may, and any
    /// signature already made is withdrawn (the history keeps it), because the content will change.
    /// </summary>
    public void ReturnForRevision(AgreementActor by, string reason)
    {
        by.EnsureKnown();
        Machine.EnsureCanFire(Trigger.ReturnForRevision);
        if (Status == AgreementStatus.PendingMedicalReview)
        {
            RequireParty(by, AgreementParty.Medical, "在审核中退回协议");
        }

        var why = RequireReason(reason, "退回");

        // Signatures already made are withdrawn by this event (they stay on record: see Signatures).
        ReturnReason = why;
        Machine.Fire(Trigger.ReturnForRevision);
        Record(by, AgreementEventKind.ReturnedForRevision, null, null, null, why);
    }

    private void RequireReviewer(AgreementActor by)
    {
        RequireParty(by, AgreementParty.Medical, "审核服务项目");
        Machine.Fire(Trigger.Review);
    }
}
