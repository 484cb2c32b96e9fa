using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Tests.Agreements;

/// <summary>Absurdly long texts are refused with a message instead of failing in the database.</summary>
public class AgreementLimitsTests
{
    [Fact]
    public void ReturnReason_LongerThan500_IsRefused()
    {
        var agreement = AgreementFixture.Draft(AgreementTemplate.MedicalElderCareConsortium);
        agreement.Submit(AgreementFixture.Elder());

        var error = Assert.Throws<DomainException>(() => agreement.ReturnForRevision(AgreementFixture.Medic(), new string('理', 10_000)));

        Assert.Equal("退回的理由不能超过 500 个字。", error.Message);
    }

    [Fact]
    public void AbsurdFrequency_IsRefused_BeforeItOverflowsTheEstimate()
    {
        var agreement = AgreementFixture.Draft(AgreementTemplate.MedicalElderCareConsortium);
        var item = agreement.Items[0];

        var error = Assert.Throws<DomainException>(() => agreement.EditItem(AgreementFixture.Elder(), item.Id, 1_000_000_000, item.UnitPrice));

        Assert.Equal("频次不能超过 1000。", error.Message);
    }
}
