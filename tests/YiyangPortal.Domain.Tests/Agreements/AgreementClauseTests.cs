using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Agreements;

/// <summary>
/// 附件1 一、二 print the 坐诊 and 查房 numbers in the clause and again in the schedule (issue 10: "clauses and schedule
/// can never disagree"): whichever side changes, the other follows.
/// </summary>
public class AgreementClauseTests
{
    private static ServiceItemSnapshot Rounds() =>
        Snapshot("医疗查房（中级职称及以上医师）", Funding.CooperationFee, 240m) with { Clause = TemplateClause.WardRounds };

    private static ServiceItemSnapshot Clinic() =>
        Snapshot("坐诊咨询（中级职称及以上医师）", Funding.CooperationFee, 260m) with { Clause = TemplateClause.ClinicSessions };

    [Fact]
    public void AcceptingTheClinicsProposal_ForTheRoundsItem_ChangesClauseTwo()
    {
        var agreement = Draft();
        var rounds = agreement.AddItem(Elder(), Rounds(), 2);
        agreement.Submit(Elder());
        agreement.ApproveItem(Medic(), agreement.Items[0].Id);
        agreement.ProposeChange(Medic(), rounds.Id, 3, null, "每月查房需覆盖三个楼层");
        agreement.ReturnForRevision(Medic(), "请确认查房频次");

        agreement.AcceptProposal(Elder(), rounds.Id);

        Assert.Equal(3, rounds.Frequency);
        Assert.Equal(3, agreement.Terms.WardRoundsPerMonth);
        Assert.Empty(agreement.ClauseMismatches());
        Assert.Contains(agreement.Events, e => e.Kind == AgreementEventKind.TermsEdited && e.After == "每月查房次数：3");
    }

    [Fact]
    public void EditingClauseOne_ChangesTheClinicItem_AndSendsItBackToReview()
    {
        var agreement = Draft();
        var clinic = agreement.AddItem(Elder(), Clinic(), 4);

        agreement.UpdateTerms(Elder(), agreement.Terms with { ClinicSessionsPerMonth = 2 });

        Assert.Equal(2, clinic.Frequency);
        Assert.Equal(ItemReviewState.Pending, clinic.ReviewState);
        Assert.Contains(agreement.Events, e => e.Kind == AgreementEventKind.ItemEdited && e.ItemId == clinic.Id);
    }

    [Fact]
    public void AddingTheClinicItem_WithAnotherNumber_IsRefused_AndClauseOneStays_Adr050()
    {
        var agreement = Draft(); // clause 一 says 4

        var refused = Assert.Throws<DomainException>(() => agreement.AddItem(Elder(), Clinic(), 48));

        Assert.Contains("条款一的每月坐诊次数（现为 4 次/月）", refused.Message, StringComparison.Ordinal);
        Assert.Equal(4, agreement.Terms.ClinicSessionsPerMonth);
        Assert.DoesNotContain(agreement.Items, i => i.Clause == TemplateClause.ClinicSessions);
    }

    [Fact]
    public void AddingTheClinicItem_WithTheClausesNumber_IsAdded()
    {
        var agreement = Draft();

        var clinic = agreement.AddItem(Elder(), Clinic(), 4);

        Assert.Equal(4, clinic.Frequency);
        Assert.Equal(4, agreement.Terms.ClinicSessionsPerMonth);
    }

    [Fact]
    public void AddingTheClinicItem_ToAnEmptyClauseOne_FillsTheClause()
    {
        var agreement = Draft();
        agreement.UpdateTerms(Elder(), agreement.Terms with { ClinicSessionsPerMonth = null });

        agreement.AddItem(Elder(), Clinic(), 6);

        Assert.Equal(6, agreement.Terms.ClinicSessionsPerMonth);
    }

    [Fact]
    public void EditingTheItem_ChangesTheClause()
    {
        var agreement = Draft();
        var rounds = agreement.AddItem(Elder(), Rounds(), 2);

        agreement.EditItem(Elder(), rounds.Id, 5, rounds.UnitPrice);

        Assert.Equal(5, agreement.Terms.WardRoundsPerMonth);
    }

    [Fact]
    public void ProjectCooperation_HasNoClauseNumbers_AndLeavesItemsAlone()
    {
        var agreement = Draft(AgreementTemplate.ProjectCooperation);

        var rounds = agreement.AddItem(Elder(), Rounds(), 2);

        Assert.Null(agreement.Terms.WardRoundsPerMonth);
        Assert.Equal(2, rounds.Frequency);
        Assert.Empty(agreement.ClauseMismatches());
    }

    [Fact]
    public void EditingAnItem_WithItsOwnValues_ChangesNothing_AndKeepsItsReview()
    {
        var agreement = Submitted();
        agreement.ApproveItem(Medic(), agreement.Items[0].Id);
        agreement.ReturnForRevision(Medic(), "请补充坐诊医师人数");
        var events = agreement.Events.Count;

        agreement.EditItem(Elder(), agreement.Items[0].Id, agreement.Items[0].Frequency, agreement.Items[0].UnitPrice);

        Assert.Equal(ItemReviewState.Approved, agreement.Items[0].ReviewState);
        Assert.Equal(events, agreement.Events.Count);
    }
}

/// <summary>"全部同意" and the status shown before an agreed term starts (issue 10).</summary>
public class AgreementReviewShortcutTests
{
    [Fact]
    public void ApproveRemaining_ApprovesOnlyUndecidedItems()
    {
        var agreement = Draft();
        agreement.AddItem(Elder(), Snapshot("测血糖"), 2);
        agreement.AddItem(Elder(), Snapshot("康复指导"), 1);
        agreement.Submit(Elder());
        agreement.RejectItem(Medic(), agreement.Items[1].Id, "本院暂无此项服务");

        var approved = agreement.ApproveRemaining(Medic());

        Assert.Equal(2, approved);
        Assert.Equal(ItemReviewState.Rejected, agreement.Items[1].ReviewState);
        Assert.All([agreement.Items[0], agreement.Items[2]], i => Assert.Equal(ItemReviewState.Approved, i.ReviewState));
    }

    [Fact]
    public void ApproveRemaining_ByTheElderCareSide_IsRefused() =>
        Assert.Throws<DomainException>(() => Submitted().ApproveRemaining(Elder()));

    [Fact]
    public void SignedBeforeTheTermStarts_ReadsSignedNotYetInForce_UntilTheFirstDay()
    {
        var agreement = Effective(signedAt: new DateTimeOffset(2026, 2, 20, 2, 0, 0, TimeSpan.Zero)); // term from 2026-03-01

        Assert.Equal("已签署·待生效", agreement.StatusLabel(new DateOnly(2026, 2, 28)));
        Assert.True(agreement.IsSignedNotYetInForce(new DateOnly(2026, 2, 28)));
        Assert.Equal("已生效", agreement.StatusLabel(new DateOnly(2026, 3, 1)));
    }
}

/// <summary>The history reads in the order it was recorded, even when one step records several events at one instant.</summary>
public class AgreementEventOrderTests
{
    [Fact]
    public void Events_AreNumberedInTheOrderRecorded()
    {
        var agreement = Effective();

        Assert.Equal(Enumerable.Range(1, agreement.Events.Count), agreement.Events.Select(e => e.Sequence));
        Assert.Equal(AgreementEventKind.BecameEffective, agreement.Events[^1].Kind);
    }
}
