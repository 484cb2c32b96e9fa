using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;

namespace YiyangPortal.Domain.Fees;

/// <summary>Which half of an agreement year an instalment of the 年度健康服务费 belongs to.</summary>
public enum InstalmentHalf
{
    /// <summary>上半年: the first six months of the agreement year.</summary>
    First = 1,

    /// <summary>下半年: the last six months.</summary>
    Second = 2,
}

public static class InstalmentHalfLabels
{
    public static string ToChinese(this InstalmentHalf half) => half == InstalmentHalf.First ? "上半年" : "下半年";
}

/// <summary>The 补充协议 that set an instalment's amount, as the fees page names it.</summary>
public sealed record FeeSource(Guid AgreementId, string DocumentNumber);

/// <summary>
/// A half-year the original asks a payment for that a 补充协议 in force on its first day left without one (it set the
/// 年度健康服务费 to none, ADR 045): nothing is due, and the page names the supplement.
/// </summary>
public sealed record WaivedHalf(int Year, InstalmentHalf Half, DateOnly PeriodStart, FeeSource By)
{
    /// <summary>The same (Year, Half) key as <see cref="FeeInstalment.Key"/>.</summary>
    public string Key => $"{Year}-{(int)Half}";
}

/// <summary>An agreement's instalments as its supplements changed them, and the halves a supplement waived.</summary>
public sealed record InstalmentPlan(IReadOnlyList<FeeInstalment> Instalments, IReadOnlyList<WaivedHalf> Waived);

/// <summary>
/// One instalment of the 年度健康服务费: agreement year <paramref name="Year"/> (1 for the year from the term's first
/// day), its half, the half-year it pays for and the day it is due, and the amount the version in force on the half's
/// first day gives it (ADR 045), with that version's <paramref name="AnnualFee"/>.
/// </summary>
public sealed record FeeInstalment(int Year, InstalmentHalf Half, DateOnly PeriodStart, DateOnly DueOn, Money Amount, Money AnnualFee)
{
    /// <summary>"2026-03-01 起第 1 协议年度 上半年": the key the forms and the ledger use is (Year, Half).</summary>
    public string Key => $"{Year}-{(int)Half}";

    /// <summary>
    /// The 补充协议 whose terms set <see cref="Amount"/> when it differs from what the original gives this half (the
    /// original has none or another amount); null when the original's amount stands.
    /// </summary>
    public FeeSource? ChangedBy { get; init; }

    /// <summary>
    /// 逾期未付: due before <paramref name="today"/> and nothing stands for it but a disputed payment or none at all.
    /// The one rule the page, the home's to-do and the demo use.
    /// </summary>
    public bool IsOverdueOn(DateOnly today, FeePayment? standing) =>
        DueOn < today && (standing is null || standing.Status == FeePaymentStatus.Disputed);

    /// <summary>
    /// What this instalment asks with <paramref name="standing"/> in view: a pending or confirmed payment stands as
    /// recorded, so its <see cref="FeePayment.DueAmount"/>; otherwise the amount derived now (ADR 045).
    /// </summary>
    public Money DueWith(FeePayment? standing) =>
        standing is { Status: not FeePaymentStatus.Disputed } paid ? paid.DueAmount : Amount;
}

/// <summary>
/// The instalments of an agreement's 年度健康服务费, derived from its terms whenever read (like the service plan, ADR
/// 033): 附件1 "甲方每年向乙方支付健康服务费合计人民币 XXX 元。年度健康服务费从合作开始起分两次支付，分别是上、下半年各一次".
/// The year counts from the term's first day (合作开始), each half is six calendar months, and since the clause asks for
/// one payment within each half, an instalment falls due on its half's last day (ADR 035). The amounts are
/// <see cref="AgreementTerms.FirstHalfInstalment"/> and <see cref="AgreementTerms.SecondHalfInstalment"/> of the
/// version in force on the half's first day: the original, or the latest 补充协议 in force by then (ADR 045).
/// A half that begins after the last service day (a shorter term, a termination) has no instalment; one cut short falls
/// due on the last service day, for the amount the terms state (the clause prorates nothing).
/// </summary>
public static class FeeInstalments
{
    /// <summary>
    /// The instalments of <paramref name="original"/> as its 补充协议 changed the fee (2020 guide 九(二)). A half is
    /// governed as a whole by the version in force on its first day (the clause fixes one sum per half and prorates
    /// nothing); a version without a fee above zero leaves its halves without an instalment, one with a fee creates them.
    /// </summary>
    /// <param name="supplements">The original's supplements; those that never came into force are ignored.</param>
    public static IReadOnlyList<FeeInstalment> Of(Agreement original, IEnumerable<Agreement> supplements) =>
        Plan(original, supplements).Instalments;

    /// <summary>
    /// The instalments of <see cref="Of"/> and, beside them, the halves a 补充协议 left without one although the
    /// original asks for one (it removed the fee): the fees page lists both, so a half that owes nothing says why.
    /// </summary>
    public static InstalmentPlan Plan(Agreement original, IEnumerable<Agreement> supplements)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(supplements);
        if (!original.MayHaveAnnualFee || original.ServiceDays() is not { } days)
        {
            return new InstalmentPlan([], []);
        }

        var versions = AgreementVersions.Of(original, supplements, days);
        var instalments = new List<FeeInstalment>();
        var waived = new List<WaivedHalf>();
        foreach (var agreementYear in AgreementYear.Within(days.From, days.To))
        {
            var year = agreementYear.Number;
            var start = agreementYear.From;
            var secondStart = start.AddMonths(6);
            Add(InstalmentHalf.First, start, Min(secondStart.AddDays(-1), agreementYear.To));
            if (secondStart <= agreementYear.To)
            {
                Add(InstalmentHalf.Second, secondStart, agreementYear.To);
            }

            void Add(InstalmentHalf half, DateOnly periodStart, DateOnly dueOn)
            {
                var version = AgreementVersions.On(versions, periodStart)!.Agreement;
                var originalAmount = AmountOf(original, half);
                if (AmountOf(version, half) is not { } amount)
                {
                    if (version.IsSupplement && originalAmount is not null)
                    {
                        waived.Add(new WaivedHalf(year, half, periodStart, new FeeSource(version.Id, version.DocumentNumber)));
                    }

                    return;
                }

                var changed = version.IsSupplement && originalAmount != amount;
                instalments.Add(new FeeInstalment(year, half, periodStart, dueOn, amount, version.Terms.AnnualHealthServiceFee!.Value)
                {
                    ChangedBy = changed ? new FeeSource(version.Id, version.DocumentNumber) : null,
                });
            }
        }

        return new InstalmentPlan(instalments, waived);
    }

    /// <summary>The payments that stand: those no correction replaced (a disputed payment is replaced by its correction).</summary>
    public static IReadOnlyList<FeePayment> Standing(IReadOnlyCollection<FeePayment> payments)
    {
        ArgumentNullException.ThrowIfNull(payments);
        var replaced = payments.Where(p => p.CorrectsPaymentId is not null).Select(p => p.CorrectsPaymentId!.Value).ToHashSet();
        return payments.Where(p => !replaced.Contains(p.Id)).ToList();
    }

    /// <summary>The standing payment of an instalment, or null when it was never paid.</summary>
    public static FeePayment? StandingFor(FeeInstalment instalment, IReadOnlyCollection<FeePayment> payments)
    {
        ArgumentNullException.ThrowIfNull(instalment);
        return Standing(payments).Where(p => p.AgreementYear == instalment.Year && p.Half == instalment.Half)
            .OrderByDescending(p => p.RecordedAtUtc).FirstOrDefault();
    }

    // The half's amount a version states: none without a 年度健康服务费 above zero (附件2, or 0 元).
    private static Money? AmountOf(Agreement version, InstalmentHalf half) =>
        !version.HasAnnualFee ? null
        : half == InstalmentHalf.First ? version.Terms.FirstHalfInstalment : version.Terms.SecondHalfInstalment;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
