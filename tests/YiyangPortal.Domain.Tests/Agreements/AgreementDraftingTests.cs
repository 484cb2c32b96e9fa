using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Agreements;

public class AgreementDraftingTests
{
    [Fact]
    public void Draft_ByMedicalSide_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Agreement.Draft(
            TenantId, ElderCareId, MedicalId, AgreementTemplate.ProjectCooperation, "X-1", ProjectTerms(), Medic()));
        Assert.Contains("甲方", ex.Message);
    }

    [Fact]
    public void Draft_WithoutDocumentNumber_IsRefused() =>
        Assert.Throws<DomainException>(() => Agreement.Draft(
            TenantId, ElderCareId, MedicalId, AgreementTemplate.ProjectCooperation, " ", ProjectTerms(), Elder()));

    [Fact]
    public void Draft_StartsAsDraftWithCreatedEvent()
    {
        var agreement = Draft();

        Assert.Equal(AgreementStatus.Draft, agreement.Status);
        Assert.Equal(0, agreement.ReviewRound);
        Assert.True(agreement.IsEditable);
        Assert.Equal(AgreementEventKind.Created, agreement.Events[0].Kind);
    }

    [Fact]
    public void AddItem_SameServiceItemTwice_IsRefused()
    {
        var agreement = Draft();
        var snapshot = Snapshot("上门巡诊");
        agreement.AddItem(Elder(), snapshot, 1);

        Assert.Throws<DomainException>(() => agreement.AddItem(Elder(), snapshot, 2));
    }

    [Fact]
    public void AddItem_BasicPublicHealthWithPrice_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() =>
            Draft().AddItem(Elder(), Snapshot("老年人健康体检", Funding.BasicPublicHealth, 50m), 1));
        Assert.Contains("基本公共卫生", ex.Message);
    }

    [Fact]
    public void AddItem_BasicPublicHealthAtZeroPrice_IsAccepted()
    {
        var item = Draft().AddItem(Elder(), Snapshot("老年人健康体检", Funding.BasicPublicHealth, 0m, ServiceUnit.TimesPerYear), 1);
        Assert.Equal(Money.Zero, item.YearlyEstimate);
    }

    [Fact]
    public void AddItem_ByMedicalSide_IsRefused() =>
        Assert.Throws<DomainException>(() => Draft().AddItem(Medic(), Snapshot("上门巡诊"), 1));

    [Fact]
    public void UpdateTerms_RecordsOnlyChangedBlanksBeforeAndAfter()
    {
        var agreement = Draft();
        agreement.UpdateTerms(Elder(), agreement.Terms with { AnnualHealthServiceFee = Money.FromYuan(15_000m) });

        var edit = agreement.Events.Single(e => e.Kind == AgreementEventKind.TermsEdited);
        Assert.Equal("年度健康服务费：12,000.00", edit.Before);
        Assert.Equal("年度健康服务费：15,000.00", edit.After);
    }

    [Fact]
    public void UpdateTerms_ProjectCooperationWithTerm_IsRefusedBecauseSigningSetsIt()
    {
        var agreement = Draft(AgreementTemplate.ProjectCooperation);
        var withTerm = agreement.Terms with { Term = new ValidityPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)) };

        Assert.Throws<DomainException>(() => agreement.UpdateTerms(Elder(), withTerm));
    }

    [Fact]
    public void Validate_EmptyConsortiumDraft_ListsEveryMissingBlankByField()
    {
        var agreement = Agreement.Draft(
            TenantId, ElderCareId, MedicalId, AgreementTemplate.MedicalElderCareConsortium, "X-1", new AgreementTerms(), Elder());

        var fields = agreement.Validate(Today).Select(e => e.Field).ToList();

        Assert.Contains("Terms.ClinicSessionsPerMonth", fields);
        Assert.Contains("Terms.WardRoundDoctorCount", fields);
        Assert.Contains("Terms.SeniorConsultationFee", fields);
        Assert.Contains("Terms.MedicalCostPayment", fields);
        Assert.Contains("Terms.AnnualHealthServiceFee", fields);
        Assert.Contains("Terms.Term", fields);
        Assert.Contains("Terms.CivilAffairsBureauName", fields);
        Assert.Contains("Items", fields);
        Assert.DoesNotContain("Terms.ElderCareAddress", fields);
    }

    [Fact]
    public void Validate_ProjectCooperationWithoutAddresses_AsksForBoth()
    {
        var agreement = Draft(AgreementTemplate.ProjectCooperation);
        agreement.UpdateTerms(Elder(), agreement.Terms with { ElderCareAddress = null, MedicalAddress = " " });

        var fields = agreement.Validate(Today).Select(e => e.Field).ToList();

        Assert.Equal(["Terms.ElderCareAddress", "Terms.MedicalAddress"], fields);
    }

    [Fact]
    public void Validate_TermEndingOnItsFirstDay_IsRefused()
    {
        var agreement = Draft();
        var day = new DateOnly(2026, 3, 1);
        agreement.UpdateTerms(Elder(), agreement.Terms with { Term = new ValidityPeriod(day, day) });

        Assert.Contains(agreement.Validate(Today), e => e.Field == "Terms.Term");
    }

    [Fact]
    public void Validate_ItemWithoutFrequencyOrSelfPaidPrice_IsKeyedByItem()
    {
        var agreement = Draft();
        var item = agreement.AddItem(Elder(), Snapshot("换药", Funding.SelfPaid, null), 0);

        var fields = agreement.Validate(Today).Select(e => e.Field).ToList();

        Assert.Contains($"Items[{item.Id}].Frequency", fields);
        Assert.Contains($"Items[{item.Id}].UnitPrice", fields);
    }

    [Fact]
    public void Submit_Incomplete_IsRefusedWithChineseMessageAndStaysDraft()
    {
        var agreement = Agreement.Draft(
            TenantId, ElderCareId, MedicalId, AgreementTemplate.MedicalElderCareConsortium, "X-1", new AgreementTerms(), Elder());

        var ex = Assert.Throws<DomainException>(() => agreement.Submit(Elder()));

        Assert.StartsWith("协议内容不完整", ex.Message);
        Assert.Equal(AgreementStatus.Draft, agreement.Status);
    }

    [Fact]
    public void Submit_Complete_MovesToPendingMedicalReviewInRoundOne()
    {
        var agreement = Submitted();

        Assert.Equal(AgreementStatus.PendingMedicalReview, agreement.Status);
        Assert.Equal(1, agreement.ReviewRound);
        Assert.False(agreement.IsEditable);
        Assert.Equal(Now, agreement.SubmittedAtUtc);
    }

    [Fact]
    public void Submit_ByMedicalSide_IsRefused() =>
        Assert.Throws<DomainException>(() => Draft().Submit(Medic()));

    [Fact]
    public void EditItem_WhilePendingReview_IsRefusedNamingTheStatus()
    {
        var agreement = Submitted();

        var ex = Assert.Throws<DomainException>(() => agreement.EditItem(Elder(), agreement.Items[0].Id, 8, null));

        Assert.Equal("当前状态为“待医疗机构审核”，不能修改协议内容。", ex.Message);
    }

    [Fact]
    public void RemoveItem_InDraft_RemovesAndRecordsIt()
    {
        var agreement = Draft();
        var id = agreement.Items[0].Id;

        agreement.RemoveItem(Elder(), id);

        Assert.Empty(agreement.Items);
        Assert.Contains(agreement.Events, e => e.Kind == AgreementEventKind.ItemRemoved && e.ItemId == id);
    }
}
