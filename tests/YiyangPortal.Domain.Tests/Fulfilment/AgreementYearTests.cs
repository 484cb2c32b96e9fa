using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Fulfilment;

/// <summary>
/// The agreement years the evaluation, the report and the 年度健康服务费 instalments count (<see cref="AgreementYear.Within"/>),
/// and the service days a termination set for a day to come ends.
/// </summary>
public class AgreementYearTests
{
    [Theory]
    [InlineData("2027-01-01", "2027-12-31", new[] { "2027-01-01~2027-12-31" })]
    [InlineData("2027-01-01", "2029-12-31", new[] { "2027-01-01~2027-12-31", "2028-01-01~2028-12-31", "2029-01-01~2029-12-31" })]
    [InlineData("2026-12-07", "2027-12-07", new[] { "2026-12-07~2027-12-07" })] // 附件2 三、3 as the Civil Code counts a year
    [InlineData("2026-12-07", "2027-12-08", new[] { "2026-12-07~2027-12-06", "2027-12-07~2027-12-08" })]
    [InlineData("2026-03-01", "2026-06-30", new[] { "2026-03-01~2026-06-30" })]
    public void Years_AreCountedFromTheFirstDay_AndTheAnniversaryStaysInTheLastYear(string from, string to, string[] expected)
    {
        var years = AgreementYear.Within(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, years.Select(y => $"{y.From:yyyy-MM-dd}~{y.To:yyyy-MM-dd}"));
        Assert.Equal(Enumerable.Range(1, expected.Length), years.Select(y => y.Number));
    }

    [Fact]
    public void AProjectAgreementOfOneYear_HasOneAgreementYear_EndingWithItsTerm()
    {
        var agreement = Effective(AgreementTemplate.ProjectCooperation);
        var term = agreement.Terms.Term!.Value;

        var year = Assert.Single(AgreementEvaluation.YearsOf(agreement));

        Assert.Equal((term.From, term.To!.Value), (year.From, year.To));
    }

    [Fact]
    public void ATermEndingOnTheAnniversary_OwesTwoInstalments_NotAThirdForItsLastDay()
    {
        // 2026-03-01 to 2027-03-01: a year as the Civil Code counts it, its anniversary the last day.
        var signed = Draft();
        signed.UpdateTerms(Elder(), ConsortiumTerms() with { Term = new ValidityPeriod(new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1)) });
        signed.Submit(Elder());
        foreach (var item in signed.Items)
        {
            signed.ApproveItem(Medic(), item.Id);
        }

        signed.Accept(Medic());
        Sign(signed, AgreementParty.ElderCare);
        Sign(signed, AgreementParty.Medical);

        var instalments = FeeInstalments.Of(signed, []);

        Assert.Equal(2, instalments.Count);
        Assert.Equal(new DateOnly(2027, 3, 1), instalments[^1].DueOn);
    }

    [Fact]
    public void ATerminationSetForADayToCome_EndsTheServiceDaysTheDayBefore()
    {
        var agreement = Effective();
        var today = BeijingTime.DateOf(Now);
        var on = today.AddDays(20);

        agreement.ProposeTermination(Elder(), TerminationKind.Mutual, "机构搬迁", on, NoticeDays);
        agreement.ConfirmTermination(Medic());

        Assert.Equal(AgreementStatus.Effective, agreement.Status);
        Assert.Equal(on.AddDays(-1), agreement.ServiceDays()!.Value.To);
    }
}
