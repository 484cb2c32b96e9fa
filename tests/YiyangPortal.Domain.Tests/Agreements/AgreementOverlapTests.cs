using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Agreements;

/// <summary>ADR 052 (review A 4): two agreements of the same pair are never in force on the same day.</summary>
public class AgreementOverlapTests
{
    [Fact]
    public void ProjectRenewal_SignedOnTheOriginalsSigningDay_StartsTheDayAfterTheOriginalEnds()
    {
        var original = Effective(AgreementTemplate.ProjectCooperation);
        var renewal = original.CreateRenewal(Elder(), "YY-2027-0002");
        renewal.Submit(Elder());
        foreach (var item in renewal.Items)
        {
            renewal.ApproveItem(Medic(), item.Id);
        }

        renewal.Accept(Medic());
        Sign(renewal, AgreementParty.ElderCare, Now, [original]);
        Sign(renewal, AgreementParty.Medical, Now, [original]);

        var end = original.Terms.Term!.Value.To!.Value;
        Assert.Equal(new ValidityPeriod(end.AddDays(1), CivilCodePeriod.EndOfYears(end.AddDays(1), 1)), renewal.Terms.Term);
        Assert.False(renewal.InForcePeriod!.Value.Overlaps(original.InForcePeriod!.Value));
        Assert.True(renewal.IsSignedNotYetInForce(BeijingTime.DateOf(Now)));
    }

    [Fact]
    public void ConsortiumRenewal_WithATermTypedOverTheOriginal_IsRefusedAtTheTermField()
    {
        var original = Effective();
        var renewal = original.CreateRenewal(Elder(), "YY-2027-0003");
        Assert.Null(renewal.TermOverlap(renewal.Terms.Term, [original])); // the prefilled term follows the original

        var typed = new ValidityPeriod(original.Terms.Term!.Value.From, original.Terms.Term!.Value.To);
        var overlap = renewal.TermOverlap(typed, [original]);

        Assert.NotNull(overlap);
        Assert.Equal("Term", overlap.Field);
        Assert.Contains(original.DocumentNumber, overlap.Text.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{original.Terms.Term!.Value.To!.Value.AddDays(1):yyyy-MM-dd} 起算", overlap.Text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Signing_OverAnotherAgreementOfThePairInForce_IsRefused()
    {
        var inForce = Effective();
        var second = PendingSignature();
        Sign(second, AgreementParty.ElderCare, Now, [inForce]);

        var refused = Assert.Throws<DomainException>(() => Sign(second, AgreementParty.Medical, Now, [inForce]));

        Assert.Contains("同一双方同一天只能有一份协议生效", refused.Message, StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.PartiallySigned, second.Status);
    }

    [Fact]
    public void OtherPairs_Supplements_AndTerminatedDays_DoNotClash()
    {
        var other = Effective();
        var mine = Draft(elderCareId: Guid.NewGuid());
        Assert.Null(mine.TermOverlap(other.Terms.Term, [other])); // another home's agreement with the clinic

        var terminated = Effective();
        TerminateByAgreement(terminated, Elder());
        var on = terminated.TerminatedOn!.Value;
        var next = Draft();
        Assert.Null(next.TermOverlap(new ValidityPeriod(on, on.AddYears(1)), [terminated]));
        Assert.NotNull(next.TermOverlap(new ValidityPeriod(on.AddDays(-1), on.AddYears(1)), [terminated]));
    }
}
