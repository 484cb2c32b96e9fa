using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Agreements;

public class AgreementSigningTests
{
    [Theory]
    [InlineData(AgreementParty.ElderCare)]
    [InlineData(AgreementParty.Medical)]
    public void Sign_EitherPartyFirst_PartiallySignedThenEffective(AgreementParty first)
    {
        var agreement = PendingSignature();
        var second = Now.AddHours(3);

        Sign(agreement, first);
        Assert.Equal(AgreementStatus.PartiallySigned, agreement.Status);

        Sign(agreement, first.Other(), second);
        Assert.Equal(AgreementStatus.Effective, agreement.Status);
        Assert.Equal(second, agreement.EffectiveAtUtc);
        Assert.Equal(2, agreement.Signatures.Count);
    }

    [Fact]
    public void Sign_SamePartyTwice_IsRefused()
    {
        var agreement = PendingSignature();
        Sign(agreement, AgreementParty.Medical);

        var ex = Assert.Throws<DomainException>(() => Sign(agreement, AgreementParty.Medical));

        Assert.Contains("不能重复签署", ex.Message);
    }

    [Fact]
    public void Sign_DifferentDocumentThanOtherParty_IsRefused()
    {
        var agreement = PendingSignature();
        Sign(agreement, AgreementParty.ElderCare);

        Assert.Throws<DomainException>(() =>
            agreement.Sign(Medic(), "李主任", "院长", "203.0.113.8", new string('f', 64), []));
        Assert.Equal(AgreementStatus.PartiallySigned, agreement.Status);
    }

    [Theory]
    [InlineData("not-an-ip", Sha)]
    [InlineData("203.0.113.7", "abc")]
    [InlineData("203.0.113.7", "ZZ23456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Sign_WithBadEvidence_IsRefused(string ip, string sha) =>
        Assert.Throws<DomainException>(() => PendingSignature().Sign(Elder(), "王院长", "院长", ip, sha, []));

    [Fact]
    public void Sign_BeforeMedicalAcceptance_IsRefused() =>
        Assert.Throws<DomainException>(() => Sign(Submitted(), AgreementParty.ElderCare));

    [Fact]
    public void Sign_AfterTheAgreedTermEnded_IsRefused() =>
        Assert.Throws<DomainException>(() =>
            Sign(PendingSignature(), AgreementParty.ElderCare, new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Sign_ProjectCooperation_TermIsOneYearFromBeijingSigningDate()
    {
        // 16:30 UTC on 2026-02-28 is 00:30 on 2026-03-01 in Beijing.
        var agreement = Effective(AgreementTemplate.ProjectCooperation, new DateTimeOffset(2026, 2, 28, 16, 30, 0, TimeSpan.Zero));

        // 民法典 第二百零一、二百零二条: the signing day is not counted; the year ends on the corresponding day.
        Assert.Equal(new ValidityPeriod(new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1)), agreement.Terms.Term);
    }

    [Fact]
    public void ReturnForRevision_AfterOneSignature_WithdrawsItButKeepsItInHistory()
    {
        var agreement = PendingSignature();
        Sign(agreement, AgreementParty.ElderCare);

        agreement.ReturnForRevision(Medic(), "会诊费需调整");

        Assert.Equal(AgreementStatus.ReturnedForRevision, agreement.Status);
        Assert.Empty(agreement.Signatures);
        Assert.Contains(agreement.Events, e => e.Kind == AgreementEventKind.Signed);
        Assert.Equal("会诊费需调整", agreement.ReturnReason);
    }

    [Fact]
    public void Effective_EveryMutatingMethod_IsRefused()
    {
        var agreement = Effective();
        var itemId = agreement.Items[0].Id;
        var terms = agreement.Terms;
        Action[] attempts =
        [
            () => agreement.UpdateTerms(Elder(), terms with { ClinicDoctorCount = 9 }),
            () => agreement.AddItem(Elder(), Snapshot("上门巡诊"), 1),
            () => agreement.EditItem(Elder(), itemId, 99, null),
            () => agreement.RemoveItem(Elder(), itemId),
            () => agreement.AcceptProposal(Elder(), itemId),
            () => agreement.Submit(Elder()),
            () => agreement.ApproveItem(Medic(), itemId),
            () => agreement.RejectItem(Medic(), itemId, "x"),
            () => agreement.ProposeChange(Medic(), itemId, 1, null, "x"),
            () => agreement.Accept(Medic()),
            () => agreement.ReturnForRevision(Medic(), "x"),
            () => Sign(agreement, AgreementParty.Medical),
        ];

        foreach (var attempt in attempts)
        {
            Assert.Throws<DomainException>(attempt);
        }

        Assert.True(agreement.IsImmutable);
        Assert.Equal(AgreementStatus.Effective, agreement.Status);
        Assert.Equal(4, agreement.Item(itemId).Frequency);
        Assert.Same(terms, agreement.Terms);
    }

    [Fact]
    public void Sign_ProjectCooperation_On29February_EndsOn28February() // 民法典 第二百零二条: no corresponding day → month's last day
    {
        var agreement = PendingSignature(AgreementTemplate.ProjectCooperation);
        var signedAt = new DateTimeOffset(2028, 2, 29, 2, 0, 0, TimeSpan.Zero); // 10:00 Beijing

        Sign(agreement, AgreementParty.ElderCare, signedAt);
        Sign(agreement, AgreementParty.Medical, signedAt);

        Assert.Equal(new ValidityPeriod(new DateOnly(2028, 2, 29), new DateOnly(2029, 2, 28)), agreement.Terms.Term);
    }
}
