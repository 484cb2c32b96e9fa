using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Tests.Agreements;

/// <summary>Builds agreements in each status the way the web layer would drive them.</summary>
internal static class AgreementFixture
{
    public const string Sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static readonly Guid TenantId = Guid.NewGuid();
    public static readonly Guid ElderCareId = Guid.NewGuid();
    public static readonly Guid MedicalId = Guid.NewGuid();
    public static readonly Guid ElderUser = Guid.NewGuid();
    public static readonly Guid MedicalUser = Guid.NewGuid();

    /// <summary>2026-03-02 10:00 Beijing.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The Beijing day of <see cref="Now"/>, as completeness checks take it.</summary>
    public static readonly DateOnly Today = BeijingTime.DateOf(Now);

    public static AgreementActor Elder(DateTimeOffset? at = null) => AgreementActor.ElderCare(ElderUser, at ?? Now);

    public static AgreementActor Medic(DateTimeOffset? at = null) => AgreementActor.Medical(MedicalUser, at ?? Now);

    public static AgreementActor As(AgreementParty party, DateTimeOffset? at = null) =>
        party == AgreementParty.ElderCare ? Elder(at) : Medic(at);

    public static AgreementTerms ConsortiumTerms() => new()
    {
        ClinicSite = ClinicSite.ExtendedClinicRoom,
        ClinicSessionsPerMonth = 4,
        ClinicDoctorCount = 1,
        WardRoundsPerMonth = 2,
        WardRoundDoctorCount = 2,
        SeniorConsultationFee = Money.FromYuan(300m),
        AssociateSeniorConsultationFee = Money.FromYuan(200m),
        IntermediateConsultationFee = Money.FromYuan(100m),
        MedicalCostPayment = MedicalCostPayment.ResidentPays,
        AnnualHealthServiceFee = Money.FromYuan(12_000m),
        Term = new ValidityPeriod(new DateOnly(2026, 3, 1), new DateOnly(2027, 2, 28)),
        CivilAffairsBureauName = "越城区民政局",
        HealthBureauName = "越城区卫生健康局",
    };

    public static AgreementTerms ProjectTerms() => new()
    {
        ElderCareAddress = "绍兴市越城区解放北路 1 号",
        MedicalAddress = "绍兴市越城区中兴中路 2 号",
        CivilAffairsBureauName = "越城区民政局",
        HealthBureauName = "越城区卫生健康局",
    };

    public static ServiceItemSnapshot Snapshot(
        string name = "血压测量", Funding funding = Funding.SelfPaid, decimal? price = 10m,
        ServiceUnit unit = ServiceUnit.TimesPerMonth) =>
        new(Guid.NewGuid(), price is null ? null : Guid.NewGuid(), ServiceCategory.DiagnosisAndTreatment, name, unit,
            funding, price is { } p ? Money.FromYuan(p) : null);

    public static Agreement Draft(
        AgreementTemplate template = AgreementTemplate.MedicalElderCareConsortium, Guid? elderCareId = null,
        Guid? medicalId = null)
    {
        var terms = template == AgreementTemplate.MedicalElderCareConsortium ? ConsortiumTerms() : ProjectTerms();
        var agreement = Agreement.Draft(
            TenantId, elderCareId ?? ElderCareId, medicalId ?? MedicalId, template, "YY-2026-0001", terms, Elder());
        agreement.AddItem(Elder(), Snapshot(), 4);
        return agreement;
    }

    public static Agreement Submitted(AgreementTemplate template = AgreementTemplate.MedicalElderCareConsortium)
    {
        var agreement = Draft(template);
        agreement.Submit(Elder());
        return agreement;
    }

    public static Agreement PendingSignature(AgreementTemplate template = AgreementTemplate.MedicalElderCareConsortium)
    {
        var agreement = Submitted(template);
        foreach (var item in agreement.Items)
        {
            agreement.ApproveItem(Medic(), item.Id);
        }

        agreement.Accept(Medic());
        return agreement;
    }

    public static Agreement Effective(
        AgreementTemplate template = AgreementTemplate.MedicalElderCareConsortium, DateTimeOffset? signedAt = null)
    {
        var agreement = PendingSignature(template);
        Sign(agreement, AgreementParty.ElderCare, signedAt);
        Sign(agreement, AgreementParty.Medical, signedAt);
        return agreement;
    }

    /// <summary>协商一致 termination proposed by <paramref name="by"/> and confirmed by the other party, effective that day.</summary>
    public static void TerminateByAgreement(Agreement agreement, AgreementActor by, string reason = "机构停业")
    {
        agreement.ProposeTermination(by, TerminationKind.Mutual, reason, BeijingTime.DateOf(by.AtUtc), NoticeDays);
        agreement.ConfirmTermination(As(by.Party.Other(), by.AtUtc));
    }

    /// <summary>The tenant's notice period the tests use (单方通知).</summary>
    public const int NoticeDays = 30;

    /// <summary>A 补充协议 submitted, every item approved, accepted and signed by both parties at <paramref name="at"/>.</summary>
    public static Agreement SignedSupplement(Agreement original, Agreement supplement, DateTimeOffset at)
    {
        supplement.Submit(Elder(at), original);
        foreach (var item in supplement.Items)
        {
            supplement.ApproveItem(Medic(at), item.Id);
        }

        supplement.Accept(Medic(at));
        Sign(supplement, AgreementParty.ElderCare, at);
        Sign(supplement, AgreementParty.Medical, at);
        return supplement;
    }

    public static void Sign(Agreement agreement, AgreementParty party, DateTimeOffset? at = null, IReadOnlyCollection<Agreement>? samePair = null) =>
        agreement.Sign(As(party, at), party == AgreementParty.ElderCare ? "王院长" : "李主任", "法定代表人", "203.0.113.7", Sha, samePair ?? []);
}
