using YiyangPortal.Domain.Agreements;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Agreements;

/// <summary>
/// 附加条款 (ADR 026): the 2020 guide's 七 争议解决 and 八 保密条款 are optional for the parties — the Shaoxing templates
/// have neither — so leaving them out never stops a submission, and including one is a recorded change of the terms.
/// </summary>
public class AdditionalClauseTests
{
    [Fact]
    public void IncludingTheConfidentialityClause_IsRecordedInTheHistory_Guide2020八()
    {
        var agreement = Draft();

        agreement.UpdateTerms(Elder(), agreement.Terms with { IncludeConfidentiality = true });

        Assert.True(agreement.Terms.IncludeConfidentiality);
        Assert.Contains(agreement.Events, e => e.Kind == AgreementEventKind.TermsEdited && e.After == "附加条款·保密条款：列入");
    }

    [Theory]
    [InlineData(AgreementTemplate.MedicalElderCareConsortium)]
    [InlineData(AgreementTemplate.ProjectCooperation)]
    public void LeavingBothOut_StillSubmits_Guide2020七八AreOptional(AgreementTemplate template)
    {
        var agreement = Draft(template);

        agreement.Submit(Elder());

        Assert.Equal(AgreementStatus.PendingMedicalReview, agreement.Status);
    }

    [Fact]
    public void IncludingTheDisputeClause_InEitherTemplate_IsTaken_Guide2020七()
    {
        var agreement = Draft(AgreementTemplate.ProjectCooperation);

        agreement.UpdateTerms(Elder(), agreement.Terms with { IncludeDisputeResolution = true });

        Assert.True(agreement.Terms.IncludeDisputeResolution);
        Assert.Empty(agreement.Validate(Today));
    }
}
