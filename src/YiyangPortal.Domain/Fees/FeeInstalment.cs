using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;

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

/// <summary>
/// One instalment of the 年度健康服务费: agreement year <paramref name="Year"/> (1 for the year from the term's first
/// day), its half, the half-year it pays for and the day it is due, and the amount the terms give it.
/// </summary>
public sealed record FeeInstalment(int Year, InstalmentHalf Half, DateOnly PeriodStart, DateOnly DueOn, Money Amount)
{
    /// <summary>"2026-03-01 起第 1 协议年度 上半年": the key the forms and the ledger use is (Year, Half).</summary>
    public string Key => $"{Year}-{(int)Half}";

    /// <summary>
    /// 逾期未付: due before <paramref name="today"/> and nothing stands for it but a disputed payment or none at all.
    /// The one rule the page, the home's to-do and the demo use.
    /// </summary>
    public bool IsOverdueOn(DateOnly today, FeePayment? standing) =>
        DueOn < today && (standing is null || standing.Status == FeePaymentStatus.Disputed);
}

/// <summary>
/// The instalments of an agreement's 年度健康服务费, derived from its terms whenever read (like the service plan, ADR
/// 033): 附件1 "甲方每年向乙方支付健康服务费合计人民币 XXX 元。年度健康服务费从合作开始起分两次支付，分别是上、下半年各一次".
/// The year counts from the term's first day (合作开始), each half is six calendar months, and since the clause asks for
/// one payment within each half, an instalment falls due on its half's last day (ADR 035). The amounts are
/// <see cref="AgreementTerms.FirstHalfInstalment"/> and <see cref="AgreementTerms.SecondHalfInstalment"/>.
/// A half that begins after the last service day (a shorter term, a termination) has no instalment; one cut short falls
/// due on the last service day, for the amount the terms state (the clause prorates nothing).
/// </summary>
public static class FeeInstalments
{
    public static IReadOnlyList<FeeInstalment> Of(Agreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (!agreement.HasAnnualFee || agreement.ServiceDays() is not { } days)
        {
            return [];
        }

        var terms = agreement.Terms;
        var instalments = new List<FeeInstalment>();
        for (var year = 1; days.From.AddYears(year - 1) <= days.To; year++)
        {
            var start = days.From.AddYears(year - 1);
            var secondStart = start.AddMonths(6);
            instalments.Add(new FeeInstalment(year, InstalmentHalf.First, start, Min(secondStart.AddDays(-1), days.To), terms.FirstHalfInstalment!.Value));
            if (secondStart <= days.To)
            {
                instalments.Add(new FeeInstalment(year, InstalmentHalf.Second, secondStart, Min(start.AddYears(1).AddDays(-1), days.To), terms.SecondHalfInstalment!.Value));
            }
        }

        return instalments;
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

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
