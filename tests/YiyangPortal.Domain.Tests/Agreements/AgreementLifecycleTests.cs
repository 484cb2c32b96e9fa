using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Agreements;

public class AgreementLifecycleTests
{
    private static readonly DateOnly LastDay = new(2027, 2, 28);

    [Fact]
    public void Expire_OnLastDayOfTerm_IsRefused() =>
        Assert.Throws<DomainException>(() => Effective().Expire(LastDay));

    [Fact]
    public void Expire_DayAfterTerm_IsExpiredAsOfThatBeijingMidnight()
    {
        var agreement = Effective();

        agreement.Expire(LastDay.AddDays(5));

        Assert.Equal(AgreementStatus.Expired, agreement.Status);
        var expired = agreement.Events[^1];
        Assert.Equal(AgreementEventKind.Expired, expired.Kind);
        Assert.Equal(new DateTimeOffset(2027, 2, 28, 16, 0, 0, TimeSpan.Zero), expired.OccurredAtUtc);
        Assert.Null(expired.ActorUserId);
    }

    [Fact]
    public void Expire_NotEffective_IsRefused() =>
        Assert.Throws<DomainException>(() => PendingSignature().Expire(LastDay.AddDays(1)));

    [Fact]
    public void ProposeTermination_Expired_IsRefused()
    {
        var agreement = Effective();
        agreement.Expire(LastDay.AddDays(1));
        Assert.Throws<DomainException>(() => agreement.ProposeTermination(
            Elder(LastDay.AddDays(2).ToDateTime(TimeOnly.MinValue)), TerminationKind.Mutual, "x", LastDay.AddDays(2), NoticeDays));
    }

    [Fact]
    public void CreateRenewal_FromEffective_IsLinkedDraftWithFollowingTermAndFreshItemSnapshots()
    {
        var agreement = Effective();

        var renewal = agreement.CreateRenewal(Elder(), "YY-2027-0001");

        Assert.Equal(AgreementStatus.Draft, renewal.Status);
        Assert.Equal(agreement.Id, renewal.RenewalOfId);
        Assert.Null(renewal.SupplementToId);
        Assert.Equal(new ValidityPeriod(new DateOnly(2027, 3, 1), new DateOnly(2028, 2, 29)), renewal.Terms.Term);
        var copy = Assert.Single(renewal.Items);
        Assert.NotEqual(agreement.Items[0].Id, copy.Id);
        Assert.Equal(ItemReviewState.Pending, copy.ReviewState);
        Assert.Equal(agreement.Items[0].UnitPrice, copy.UnitPrice);
        Assert.Equal(agreement.Items[0].FeeScheduleEntryId, copy.FeeScheduleEntryId);
        Assert.Empty(renewal.Validate(Today));
    }

    [Fact]
    public void CreateRenewal_OfExpiredProjectCooperation_LeavesTermToSigning()
    {
        var agreement = Effective(AgreementTemplate.ProjectCooperation);
        agreement.Expire(agreement.Terms.Term!.Value.To!.Value.AddDays(1));

        var renewal = agreement.CreateRenewal(Elder(), "YY-2027-0002");

        Assert.Null(renewal.Terms.Term);
        Assert.Equal(agreement.Terms.ElderCareAddress, renewal.Terms.ElderCareAddress);
    }

    [Fact]
    public void CreateRenewal_OfDraftOrTerminated_IsRefused()
    {
        Assert.Throws<DomainException>(() => Draft().CreateRenewal(Elder(), "R-1"));
        var terminated = Effective();
        TerminateByAgreement(terminated, Elder());
        Assert.Throws<DomainException>(() => terminated.CreateRenewal(Elder(), "R-1"));
    }

    [Fact]
    public void CreateRenewal_ByMedicalSide_IsRefused() =>
        Assert.Throws<DomainException>(() => Effective().CreateRenewal(Medic(), "R-1"));

    [Fact]
    public void CreateSupplement_FollowsTheSameWorkflowAndKeepsTheTerm()
    {
        var agreement = Effective(AgreementTemplate.ProjectCooperation);
        var supplement = agreement.CreateSupplement(Elder(), "YY-2026-0001-补1", []);

        supplement.AddItem(Elder(), Snapshot("家庭病床查床", price: 30m, unit: YiyangPortal.Domain.Catalogue.ServiceUnit.TimesPerWeek), 1);
        supplement.Submit(Elder(), agreement);
        foreach (var item in supplement.Items)
        {
            supplement.ApproveItem(Medic(), item.Id);
        }

        supplement.Accept(Medic());
        Sign(supplement, AgreementParty.Medical, Now.AddDays(10));
        Sign(supplement, AgreementParty.ElderCare, Now.AddDays(10));

        Assert.Equal(agreement.Id, supplement.SupplementToId);
        Assert.Equal(AgreementStatus.Effective, supplement.Status);
        Assert.Equal(agreement.Terms.Term, supplement.Terms.Term);
        Assert.Equal(2, supplement.Items.Count);
    }

    [Fact]
    public void CreateSupplement_ChangingTheTerm_IsRefused()
    {
        var supplement = Effective().CreateSupplement(Elder(), "S-1", []);
        var longer = new ValidityPeriod(new DateOnly(2026, 3, 1), new DateOnly(2028, 2, 29));

        Assert.Throws<DomainException>(() => supplement.UpdateTerms(Elder(), supplement.Terms with { Term = longer }));
    }

    [Fact]
    public void CreateSupplement_OfExpired_IsRefused()
    {
        var agreement = Effective();
        agreement.Expire(LastDay.AddDays(1));
        Assert.Throws<DomainException>(() => agreement.CreateSupplement(Elder(), "S-1", []));
    }

    [Fact]
    public void ExpiryReminder_IsDueExactlyThirtyDaysBeforeTheLastDay()
    {
        var agreement = Effective();

        Assert.True(ExpiryReminder.IsDue(agreement, new DateOnly(2027, 1, 29)));
        Assert.False(ExpiryReminder.IsDue(agreement, new DateOnly(2027, 1, 28)));
        Assert.False(ExpiryReminder.IsDue(agreement, new DateOnly(2027, 1, 30)));
        Assert.True(ExpiryReminder.IsInWindow(agreement, LastDay));
        Assert.False(ExpiryReminder.IsInWindow(agreement, LastDay.AddDays(1)));
        Assert.False(ExpiryReminder.IsDue(PendingSignature(), new DateOnly(2027, 1, 29)));
    }
}
