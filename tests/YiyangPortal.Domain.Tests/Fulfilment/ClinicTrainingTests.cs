using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;

namespace YiyangPortal.Domain.Tests.Fulfilment;

/// <summary>
/// 培训 recorded by the clinic that gave it (绍市民〔2024〕6号 二.6; 附件1 六): only for a home it has an agreement in force
/// with, with the same checks as the home's own entry, stored as the home's session with the clinic named.
/// </summary>
public class ClinicTrainingTests
{
    private static readonly DateOnly Today = new(2026, 5, 20);
    private static readonly DateTimeOffset Now = BeijingTime.StartOfDayUtc(Today).AddHours(10);

    [Fact]
    public void AHomeWithoutAnAgreementInForce_IsRefusedAtTheHomeField()
    {
        Assert.Equal("ElderCareInstitutionId", FulfilmentFixture.FieldOf(TrainingSession.ClinicProblems(Guid.NewGuid(), false, Today, "急救", 10, Today)));
        Assert.Equal("ElderCareInstitutionId", FulfilmentFixture.FieldOf(TrainingSession.ClinicProblems(null, true, Today, "急救", 10, Today)));
        Assert.Throws<DomainException>(() =>
            TrainingSession.RecordByClinic(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), false, Today, "急救", 10, Guid.NewGuid(), Now));
    }

    [Fact]
    public void TheHomesOwnChecks_Apply()
    {
        var problems = TrainingSession.ClinicProblems(Guid.NewGuid(), true, Today.AddDays(1), "联系 13800138000", 0, Today);

        Assert.Equal(["HeldOn", "Topic", "Attendees"], problems.Select(p => p.Field));
    }

    [Fact]
    public void ASession_IsTheHomes_RecordedByTheClinic()
    {
        var (home, clinic) = (Guid.NewGuid(), Guid.NewGuid());

        var session = TrainingSession.RecordByClinic(Guid.NewGuid(), home, clinic, true, Today, " 慢病照护 ", 18, Guid.NewGuid(), Now);

        Assert.Equal((home, AgreementParty.Medical, (Guid?)clinic, "慢病照护"), (session.ElderCareInstitutionId, session.RecordedBy, session.MedicalInstitutionId, session.Topic));
        Assert.Throws<DomainException>(() =>
            TrainingSession.Record(Guid.NewGuid(), home, AgreementParty.Medical, Today, "急救", 5, Guid.NewGuid(), Now));
    }
}
