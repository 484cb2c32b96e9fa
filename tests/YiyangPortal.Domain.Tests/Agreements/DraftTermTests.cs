using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Agreements;

/// <summary>
/// Who owns the 有效期 while drafting (附件1: a blank; 附件2 三、3: set at signing; 2020 guide 九(二): a supplement keeps
/// its original's), and a term already over is refused at submission and acceptance, not only at signing.
/// </summary>
public class DraftTermTests
{
    [Fact]
    public void UpdateTerms_ProjectCooperationSupplementPostedWithoutATerm_KeepsTheOriginalsTerm()
    {
        var original = Effective(AgreementTemplate.ProjectCooperation);
        var supplement = original.CreateSupplement(Elder(), "S-1", []);

        // The 附件2 form has no term fields: what it posts carries no term.
        supplement.UpdateTerms(Elder(), supplement.Terms with { Term = null, MedicalAddress = "绍兴市越城区中兴中路 8 号" });

        Assert.Equal(original.Terms.Term, supplement.Terms.Term);
        Assert.False(supplement.TermIsDrafted);
        supplement.Submit(Elder(), original);
        Assert.Equal(AgreementStatus.PendingMedicalReview, supplement.Status);
    }

    [Fact]
    public void UpdateTerms_SupplementWithAnotherTerm_IsStillRefused()
    {
        var original = Effective(AgreementTemplate.ProjectCooperation);
        var supplement = original.CreateSupplement(Elder(), "S-1", []);
        var longer = new ValidityPeriod(original.Terms.Term!.Value.From, original.Terms.Term.Value.To!.Value.AddYears(1));

        var refused = Assert.Throws<DomainException>(() => supplement.UpdateTerms(Elder(), supplement.Terms with { Term = longer }));

        Assert.Contains("补充协议的有效期与原协议一致", refused.Message, StringComparison.Ordinal);
        Assert.Equal(original.Terms.Term, supplement.Terms.Term);
    }

    [Fact]
    public void UpdateTerms_ConsortiumSupplementPostedWithoutATerm_KeepsTheOriginalsTerm()
    {
        var original = Effective();
        var supplement = original.CreateSupplement(Elder(), "S-1", []);

        supplement.UpdateTerms(Elder(), supplement.Terms with { Term = null, AnnualHealthServiceFee = Money.FromYuan(14_000m) });

        Assert.Equal(original.Terms.Term, supplement.Terms.Term);
    }

    [Fact]
    public void Validate_TermEntirelyInThePast_IsRefusedAtTheTerm()
    {
        var agreement = Draft();
        agreement.UpdateTerms(Elder(), agreement.Terms with { Term = new ValidityPeriod(new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31)) });

        var error = Assert.Single(agreement.Validate(Today));

        Assert.Equal("Terms.Term", error.Field);
        Assert.Contains("协议有效期已于 2020-12-31 结束", error.Message, StringComparison.Ordinal);
        var refused = Assert.Throws<DomainException>(() => agreement.Submit(Elder()));
        Assert.Contains("协议有效期已于 2020-12-31 结束", refused.Message, StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.Draft, agreement.Status);
    }

    [Fact]
    public void Validate_TermEndingToday_IsAccepted()
    {
        var agreement = Draft();
        agreement.UpdateTerms(Elder(), agreement.Terms with { Term = new ValidityPeriod(new DateOnly(2025, 3, 3), Today) });

        Assert.Empty(agreement.Validate(Today));
    }

    [Fact]
    public void Accept_AfterTheTermEndedDuringReview_IsRefused()
    {
        var agreement = Draft();
        agreement.UpdateTerms(Elder(), agreement.Terms with { Term = new ValidityPeriod(new DateOnly(2025, 3, 3), Today) });
        agreement.Submit(Elder());
        var nextDay = Now.AddDays(1);
        foreach (var item in agreement.Items)
        {
            agreement.ApproveItem(Medic(nextDay), item.Id);
        }

        var refused = Assert.Throws<DomainException>(() => agreement.Accept(Medic(nextDay)));

        Assert.Contains("不能审核通过", refused.Message, StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.PendingMedicalReview, agreement.Status);
    }
}
