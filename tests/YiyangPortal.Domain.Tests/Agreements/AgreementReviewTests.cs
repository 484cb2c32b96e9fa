using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Agreements;

public class AgreementReviewTests
{
    [Fact]
    public void ApproveItem_ByElderCareSide_IsRefused()
    {
        var agreement = Submitted();

        var ex = Assert.Throws<DomainException>(() => agreement.ApproveItem(Elder(), agreement.Items[0].Id));

        Assert.Contains("乙方", ex.Message);
        Assert.Equal(ItemReviewState.Pending, agreement.Items[0].ReviewState);
    }

    [Fact]
    public void ApproveItem_InDraft_IsRefused()
    {
        var agreement = Draft();
        Assert.Throws<DomainException>(() => agreement.ApproveItem(Medic(), agreement.Items[0].Id));
    }

    [Fact]
    public void Accept_WithUndecidedItem_IsRefused()
    {
        var agreement = Submitted();

        var ex = Assert.Throws<DomainException>(() => agreement.Accept(Medic()));

        Assert.Equal("还有 1 个服务项目未审核。", ex.Message);
    }

    [Fact]
    public void Accept_AllApproved_MovesToPendingSignature() =>
        Assert.Equal(AgreementStatus.PendingSignature, PendingSignature().Status);

    [Fact]
    public void Accept_ByElderCareSide_IsRefused()
    {
        var agreement = Submitted();
        agreement.ApproveItem(Medic(), agreement.Items[0].Id);
        Assert.Throws<DomainException>(() => agreement.Accept(Elder()));
    }

    [Fact]
    public void Accept_EveryItemRejected_IsRefused()
    {
        var agreement = Submitted();
        agreement.RejectItem(Medic(), agreement.Items[0].Id, "本院不提供该服务");

        Assert.Throws<DomainException>(() => agreement.Accept(Medic()));
    }

    [Fact]
    public void RejectItem_WithoutReason_IsRefused()
    {
        var agreement = Submitted();
        Assert.Throws<DomainException>(() => agreement.RejectItem(Medic(), agreement.Items[0].Id, "  "));
    }

    [Fact]
    public void RejectItem_LeavesItemOutOfTotalsAndSchedule()
    {
        var agreement = Draft();
        var rejected = agreement.AddItem(Elder(), Snapshot("康复理疗", price: 80m), 2);
        agreement.Submit(Elder());
        agreement.ApproveItem(Medic(), agreement.Items[0].Id);
        agreement.RejectItem(Medic(), rejected.Id, "本院无康复科");
        agreement.Accept(Medic());

        Assert.Equal(480.00m, agreement.YearlyItemsEstimate.Yuan);
        Assert.DoesNotContain(rejected, agreement.IncludedItems);
        Assert.Equal("本院无康复科", rejected.ReviewReason);
    }

    [Fact]
    public void ProposeChange_OpenProposal_BlocksAccept()
    {
        var agreement = Submitted();
        agreement.ProposeChange(Medic(), agreement.Items[0].Id, 2, null, "医师人手不足");

        var ex = Assert.Throws<DomainException>(() => agreement.Accept(Medic()));

        Assert.Contains("退回修改", ex.Message);
    }

    [Fact]
    public void ProposeChange_SameValues_IsRefused()
    {
        var agreement = Submitted();
        Assert.Throws<DomainException>(() => agreement.ProposeChange(Medic(), agreement.Items[0].Id, 4, null, "无"));
    }

    [Fact]
    public void ProposalFlow_ReturnAcceptResubmitAccept_AgreesOnProposedValues()
    {
        var agreement = Submitted();
        var itemId = agreement.Items[0].Id;
        agreement.ProposeChange(Medic(), itemId, 2, Money.FromYuan(15m), "按本院收费标准");
        agreement.ReturnForRevision(Medic(), "请确认修改建议");
        Assert.Equal(AgreementStatus.ReturnedForRevision, agreement.Status);

        agreement.AcceptProposal(Elder(), itemId);
        agreement.Submit(Elder());
        agreement.Accept(Medic());

        var item = agreement.Item(itemId);
        Assert.Equal(AgreementStatus.PendingSignature, agreement.Status);
        Assert.Equal(ItemReviewState.Approved, item.ReviewState);
        Assert.Equal(2, item.Frequency);
        Assert.Equal(15m, item.UnitPrice!.Value.Yuan);
        Assert.Equal(2, agreement.ReviewRound);
    }

    [Fact]
    public void Submit_WithUnansweredProposal_IsRefused()
    {
        var agreement = Submitted();
        agreement.ProposeChange(Medic(), agreement.Items[0].Id, 2, null, "医师人手不足");
        agreement.ReturnForRevision(Medic(), "请确认修改建议");

        var ex = Assert.Throws<DomainException>(() => agreement.Submit(Elder()));

        Assert.Contains("修改建议", ex.Message);
    }

    [Fact]
    public void EditItem_AfterProposal_DeclinesItAndAsksForReviewAgain()
    {
        var agreement = Submitted();
        var itemId = agreement.Items[0].Id;
        agreement.ProposeChange(Medic(), itemId, 2, null, "医师人手不足");
        agreement.ReturnForRevision(Medic(), "请确认");

        agreement.EditItem(Elder(), itemId, 3, Money.FromYuan(10m));

        var item = agreement.Item(itemId);
        Assert.Equal(ItemReviewState.Pending, item.ReviewState);
        Assert.Null(item.ProposedFrequency);
        Assert.Equal(3, item.Frequency);
    }

    [Fact]
    public void AcceptProposal_ByMedicalSide_IsRefused()
    {
        var agreement = Submitted();
        var itemId = agreement.Items[0].Id;
        agreement.ProposeChange(Medic(), itemId, 2, null, "医师人手不足");
        agreement.ReturnForRevision(Medic(), "请确认");

        Assert.Throws<DomainException>(() => agreement.AcceptProposal(Medic(), itemId));
    }

    [Fact]
    public void ReturnForRevision_ByElderCareDuringReview_IsRefused() =>
        Assert.Throws<DomainException>(() => Submitted().ReturnForRevision(Elder(), "想改"));

    [Fact]
    public void ReviewRounds_AreKeptWithWhoWhenWhatAndWhy()
    {
        var agreement = Submitted();
        var itemId = agreement.Items[0].Id;
        agreement.ProposeChange(Medic(), itemId, 2, null, "医师人手不足");
        agreement.ReturnForRevision(Medic(), "请确认");
        agreement.AcceptProposal(Elder(), itemId);
        agreement.Submit(Elder());

        var proposal = agreement.Events.Single(e => e.Kind == AgreementEventKind.ItemChangeProposed);
        Assert.Equal(1, proposal.Round);
        Assert.Equal(MedicalUser, proposal.ActorUserId);
        Assert.Equal("血压测量：4 次/月，单价 10.00 元", proposal.Before);
        Assert.Equal("血压测量：2 次/月，单价 10.00 元", proposal.After);
        Assert.Equal("医师人手不足", proposal.Reason);
        Assert.Equal([1, 2], agreement.Events.Where(e => e.Kind == AgreementEventKind.Submitted).Select(e => e.Round));
    }
}
