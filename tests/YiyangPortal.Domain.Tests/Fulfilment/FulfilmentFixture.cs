using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Fulfilment;

/// <summary>
/// An agreement in force from 2026-03-01 to 2027-02-28 (附件1) with 坐诊 4 次/月 (条款一, 中级及以上), 血压测量 4 次/月
/// and 健康讲座 6 次/年, signed 2026-03-02; the clinic's roster; the day a test records on.
/// </summary>
internal static class FulfilmentFixture
{
    /// <summary>2026-05-20 10:00 Beijing.</summary>
    public static readonly DateTimeOffset Later = new(2026, 5, 20, 2, 0, 0, TimeSpan.Zero);

    public static Agreement InForce()
    {
        var agreement = Agreement.Draft(
            TenantId, ElderCareId, MedicalId, AgreementTemplate.MedicalElderCareConsortium, "YY-2026-0001", ConsortiumTerms(), Elder());
        agreement.AddItem(Elder(), Snapshot(), 4);
        agreement.AddItem(Elder(), new ServiceItemSnapshot(
            Guid.NewGuid(), null, ServiceCategory.DiagnosisAndTreatment, "坐诊咨询", ServiceUnit.TimesPerMonth, Funding.CooperationFee, null,
            TemplateClause.ClinicSessions), 4);
        agreement.AddItem(Elder(), Snapshot("健康讲座", Funding.BasicPublicHealth, null, ServiceUnit.TimesPerYear), 6);
        agreement.Submit(Elder());
        foreach (var item in agreement.Items)
        {
            agreement.ApproveItem(Medic(), item.Id);
        }

        agreement.Accept(Medic());
        Sign(agreement, AgreementParty.ElderCare);
        Sign(agreement, AgreementParty.Medical);
        return agreement;
    }

    public static AgreementItem Item(Agreement agreement, string name) => agreement.Items.Single(i => i.Name == name);

    public static StaffMember Doctor(ProfessionalTitle title = ProfessionalTitle.Intermediate, string name = "张医生") =>
        new(TenantId, MedicalId, name, title);

    public static ServiceDelivery Delivery(
        AgreementItem item, StaffMember staff, DateOnly? date = null, int? residents = 12, int? minutes = 120, string? notes = null) =>
        new(item.Id, date ?? new DateOnly(2026, 5, 18), staff.Id, residents, minutes, notes);

    public static ServiceRecord Recorded(Agreement agreement, ServiceDelivery delivery, StaffMember staff, params ServiceRecord[] existing) =>
        ServiceRecord.Record(AgreedItems.Of(agreement), delivery, staff, Medic(Later), existing);

    public static DateOnly Day(int month, int day, int year = 2026) => new(year, month, day);

    public static string FieldOf(IReadOnlyList<FieldError> problems) => Assert.Single(problems).Field;
}
