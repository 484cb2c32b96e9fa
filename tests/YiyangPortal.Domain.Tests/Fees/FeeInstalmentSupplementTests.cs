using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Fees;

/// <summary>
/// ADR 045 (2020 guide 九(二): 如有重大调整，应当及时签订补充协议): a 补充协议 that changes the 年度健康服务费 changes the
/// original's instalments from the first half-year that begins on or after the Beijing day it came into force; a half
/// is governed as a whole by the version in force on its first day (附件1 fixes one sum per half and prorates nothing).
/// </summary>
public class FeeInstalmentSupplementTests
{
    /// <summary>16 May 2026, 10:00 Beijing: inside the first half-year of a term from 1 March.</summary>
    private static readonly DateTimeOffset May16 = new(2026, 5, 16, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FeeChangedMidTerm_HalvesBegunAfterItsDayOweTheNewAmount_AndNameTheSupplement()
    {
        var original = InForce(12_000m);
        var supplement = WithFee(original, 18_000m, May16);

        var instalments = FeeInstalments.Of(original, [supplement]);

        Assert.Equal([6_000m, 9_000m, 9_000m, 9_000m], instalments.Select(i => i.Amount.Yuan));
        Assert.Null(instalments[0].ChangedBy);
        Assert.All(instalments.Skip(1), i => Assert.Equal(new FeeSource(supplement.Id, "S-1"), i.ChangedBy));
        Assert.All(instalments.Skip(1), i => Assert.Equal(18_000m, i.AnnualFee.Yuan));
        Assert.Equal(FeeInstalments.Of(original, []).Select(i => (i.Year, i.Half, i.PeriodStart, i.DueOn)),
            instalments.Select(i => (i.Year, i.Half, i.PeriodStart, i.DueOn)));
    }

    [Fact]
    public void AHalfTheSupplementSplits_IsGovernedWhollyByTheVersionInForceOnItsFirstDay()
    {
        var original = InForce(12_000m);
        // 15 September: the 下半年 from 1 September began under the original and keeps its 6,000 元.
        var splitting = WithFee(original, 18_000m, new DateTimeOffset(2026, 9, 15, 2, 0, 0, TimeSpan.Zero));

        Assert.Equal([6_000m, 6_000m, 9_000m, 9_000m], FeeInstalments.Of(original, [splitting]).Select(i => i.Amount.Yuan));

        // In force at 00:30 Beijing on 1 September (16:30 UTC the day before): that half is its own.
        var other = InForce(12_000m);
        var onTheFirstDay = WithFee(other, 18_000m, new DateTimeOffset(2026, 8, 31, 16, 30, 0, TimeSpan.Zero));
        Assert.Equal([6_000m, 9_000m, 9_000m, 9_000m], FeeInstalments.Of(other, [onTheFirstDay]).Select(i => i.Amount.Yuan));
    }

    [Fact]
    public void FeeRemoved_LeavesLaterHalvesWithoutAnInstalment()
    {
        var original = InForce(12_000m);
        var supplement = WithFee(original, 0m, May16);

        var only = Assert.Single(FeeInstalments.Of(original, [supplement]));

        Assert.Equal((1, InstalmentHalf.First, 6_000m), (only.Year, only.Half, only.Amount.Yuan));
        var waived = FeeInstalments.Plan(original, [supplement]).Waived;
        Assert.Equal([(1, InstalmentHalf.Second), (2, InstalmentHalf.First), (2, InstalmentHalf.Second)], waived.Select(w => (w.Year, w.Half)));
        Assert.All(waived, w => Assert.Equal(new FeeSource(supplement.Id, "S-1"), w.By));
    }

    [Fact]
    public void NoHalfIsWaived_WhenTheOriginalHadNoFee_OrTheSupplementKeepsOne()
    {
        var withoutFee = InForce(0m);
        Assert.Empty(FeeInstalments.Plan(withoutFee, [WithFee(withoutFee, 12_000m, May16)]).Waived);
        var withFee = InForce(12_000m);
        Assert.Empty(FeeInstalments.Plan(withFee, [WithFee(withFee, 18_000m, May16)]).Waived);
    }

    [Fact]
    public void FeeAdded_CreatesInstalmentsFromItsDay_AndTheHomeMayPayThem()
    {
        var original = InForce(0m);
        Assert.Empty(FeeInstalments.Of(original, []));
        Assert.NotEmpty(FeePayment.Problems(original, [], Entry(1, InstalmentHalf.Second, 6_000m), Elder(May16.AddDays(1)), []));

        var supplement = WithFee(original, 12_000m, May16);
        var instalments = FeeInstalments.Of(original, [supplement]);

        Assert.Equal([(1, InstalmentHalf.Second), (2, InstalmentHalf.First), (2, InstalmentHalf.Second)], instalments.Select(i => (i.Year, i.Half)));
        Assert.All(instalments, i => Assert.Equal((6_000m, "S-1"), (i.Amount.Yuan, i.ChangedBy?.DocumentNumber)));
        Assert.True(original.May(AgreementParty.ElderCare, AgreementAction.RecordPayment));
        var payment = FeePayment.Record(original, [supplement], Entry(1, InstalmentHalf.Second, 6_000m), Elder(May16.AddDays(1)), []);
        Assert.Equal(6_000m, payment.DueAmount.Yuan);
    }

    [Fact]
    public void APaymentRecordedBeforeTheChange_StandsAtItsDueAmount_AndLaterOnesTakeTheNewAmount()
    {
        var original = InForce(12_000m);
        // Paid in advance on 10 April for the 下半年 from 1 September, before the supplement raised the fee.
        var early = FeePayment.Record(original, [], Entry(1, InstalmentHalf.Second, 6_000m), Elder(new DateTimeOffset(2026, 4, 10, 2, 0, 0, TimeSpan.Zero)), []);
        var supplement = WithFee(original, 18_000m, May16);
        var instalments = FeeInstalments.Of(original, [supplement]);

        var second = instalments.Single(i => (i.Year, i.Half) == (1, InstalmentHalf.Second));
        Assert.Equal((9_000m, 6_000m), (second.Amount.Yuan, second.DueWith(early).Yuan));

        var next = FeePayment.Record(original, [supplement], Entry(2, InstalmentHalf.First, 9_000m), Elder(May16.AddDays(1)), [early]);
        Assert.Equal(9_000m, next.DueAmount.Yuan);
        Assert.Equal(9_000m, instalments.Single(i => (i.Year, i.Half) == (2, InstalmentHalf.First)).DueWith(next).Yuan);
        // Without the supplement the same entry would need an explanation: 9,000 is not the original's 6,000.
        Assert.Contains(FeePayment.Problems(original, [], Entry(2, InstalmentHalf.First, 9_000m), Elder(May16.AddDays(1)), [early]),
            p => p.Field == nameof(PaymentEntry.Explanation));
    }

    [Fact]
    public void ASupplementNotInForce_ChangesNothing()
    {
        var original = InForce(12_000m);
        var draft = original.CreateSupplement(Elder(), "S-1", []);
        draft.UpdateTerms(Elder(), draft.Terms with { AnnualHealthServiceFee = Money.FromYuan(18_000m) });

        Assert.Equal(FeeInstalments.Of(original, []), FeeInstalments.Of(original, [draft]));
    }

    /// <summary>An original of 附件1 with <paramref name="fee"/> a year for two years from 1 March 2026, signed on 2 March.</summary>
    private static Agreement InForce(decimal fee)
    {
        var terms = ConsortiumTerms() with
        {
            AnnualHealthServiceFee = Money.FromYuan(fee),
            Term = new ValidityPeriod(new DateOnly(2026, 3, 1), new DateOnly(2028, 2, 29)),
        };
        var agreement = Agreement.Draft(TenantId, ElderCareId, MedicalId, AgreementTemplate.MedicalElderCareConsortium, "YY-2026-0001", terms, Elder());
        agreement.AddItem(Elder(), Snapshot(), 4);
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

    private static Agreement WithFee(Agreement original, decimal fee, DateTimeOffset inForceAt)
    {
        var supplement = original.CreateSupplement(Elder(), "S-1", []);
        supplement.UpdateTerms(Elder(), supplement.Terms with { AnnualHealthServiceFee = Money.FromYuan(fee) });
        return SignedSupplement(original, supplement, inForceAt);
    }

    private static PaymentEntry Entry(int year, InstalmentHalf half, decimal amount) =>
        new(year, half, new DateOnly(2026, 4, 8), amount, PaymentMethod.BankTransfer, "转账流水 20260408-0017", null);
}
