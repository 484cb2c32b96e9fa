using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Fulfilment;

/// <summary>年度评价 (ADR 037): once per party and agreement year, from the year's last quarter to three months after.</summary>
public class AgreementEvaluationTests
{
    [Fact]
    public void YearOne_OpensInItsLastQuarter_AndClosesThreeMonthsAfter()
    {
        var agreement = FulfilmentFixture.InForce();
        var year = AgreementEvaluation.YearsOf(agreement)[0];

        Assert.NotNull(AgreementEvaluation.WhyClosed(agreement, AgreementParty.ElderCare, 1, year.Opens.AddDays(-1), []));
        Assert.Null(AgreementEvaluation.WhyClosed(agreement, AgreementParty.ElderCare, 1, year.Opens, []));
        Assert.Null(AgreementEvaluation.WhyClosed(agreement, AgreementParty.Medical, 1, year.Closes, []));
        Assert.NotNull(AgreementEvaluation.WhyClosed(agreement, AgreementParty.Medical, 1, year.Closes.AddDays(1), []));
        Assert.Equal(year.To.AddMonths(-3).AddDays(1), year.Opens);
    }

    [Fact]
    public void EachParty_RatesOnce_TheOtherStillMay()
    {
        var agreement = FulfilmentFixture.InForce();
        var year = AgreementEvaluation.YearsOf(agreement)[0];
        var at = BeijingTime.StartOfDayUtc(year.Opens).AddHours(10);

        var home = AgreementEvaluation.Submit(agreement, AgreementActor.ElderCare(ElderUser, at), 1, Scores(4), null, []);

        Assert.Equal(AgreementParty.ElderCare, home.Party);
        Assert.Throws<DomainException>(() => AgreementEvaluation.Submit(agreement, AgreementActor.ElderCare(ElderUser, at), 1, Scores(5), null, [home]));
        var clinic = AgreementEvaluation.Submit(agreement, AgreementActor.Medical(MedicalUser, at), 1, Scores(5), null, [home]);
        Assert.Equal(AgreementParty.Medical, clinic.Party);
    }

    [Fact]
    public void ScoresOutOfRange_AndALowScoreWithoutComment_AreRefusedAtTheirFields()
    {
        var agreement = FulfilmentFixture.InForce();
        var today = AgreementEvaluation.YearsOf(agreement)[0].Opens;
        var scores = Scores(4);
        scores[EvaluationCriterion.Quality] = 6;
        scores[EvaluationCriterion.Records] = null;

        var problems = AgreementEvaluation.Problems(agreement, AgreementParty.ElderCare, 1, scores, null, today, []);
        var low = AgreementEvaluation.Problems(agreement, AgreementParty.ElderCare, 1, Scores(2), " ", today, []);

        Assert.Equal(["Quality", "Records"], problems.Select(p => p.Field));
        Assert.Equal("Comment", FulfilmentFixture.FieldOf(low));
        Assert.Empty(AgreementEvaluation.Problems(agreement, AgreementParty.ElderCare, 1, Scores(2), "查房迟到两次", today, []));
    }

    [Fact]
    public void ADraft_HasNoYearsToRate()
    {
        var draft = Agreement.Draft(TenantId, ElderCareId, MedicalId, AgreementTemplate.MedicalElderCareConsortium, "YY-2026-0002", ConsortiumTerms(), Elder());

        Assert.Empty(AgreementEvaluation.YearsOf(draft));
        Assert.NotNull(AgreementEvaluation.WhyClosed(draft, AgreementParty.ElderCare, 1, new DateOnly(2026, 12, 1), []));
    }

    private static Dictionary<EvaluationCriterion, int?> Scores(int score) =>
        Enum.GetValues<EvaluationCriterion>().ToDictionary(c => c, _ => (int?)score);
}
