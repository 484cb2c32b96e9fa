using System.Globalization;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Fulfilment;

/// <summary>The criteria of the annual evaluation, each rated 1–5 (ADR 037).</summary>
public enum EvaluationCriterion
{
    /// <summary>服务及时性: services on the agreed schedule (附件1 一、二 ___次/月).</summary>
    Timeliness = 1,

    /// <summary>服务质量 (2024 guide 一(二) 医养结合服务质量评价).</summary>
    Quality = 2,

    /// <summary>沟通配合: each side's duties (附件2 甲方、乙方责任和义务).</summary>
    Cooperation = 3,

    /// <summary>记录规范 (2023 guide 四.5 做好记录).</summary>
    Records = 4,
}

public static class EvaluationCriterionLabels
{
    public static string ToChinese(this EvaluationCriterion criterion) => criterion switch
    {
        EvaluationCriterion.Timeliness => "服务及时性",
        EvaluationCriterion.Quality => "服务质量",
        EvaluationCriterion.Cooperation => "沟通配合",
        _ => "记录规范",
    };
}

/// <summary>One agreement year: the n-th year of the service days, cut at the term's (or termination's) end.</summary>
public sealed record AgreementYear(int Number, DateOnly From, DateOnly To)
{
    /// <summary>The first day of the year's last quarter: evaluation opens then.</summary>
    public DateOnly Opens => To.AddMonths(-3).AddDays(1) < From ? From : To.AddMonths(-3).AddDays(1);

    /// <summary>An ended year may still be evaluated for three months (“刚结束”).</summary>
    public DateOnly Closes => To.AddMonths(3);

    public bool IsOpen(DateOnly today) => today >= Opens && today <= Closes;

    /// <summary>
    /// The years of the days <paramref name="from"/>–<paramref name="to"/>, counted from the first day; the one way the
    /// evaluation, the 年度健康服务费 instalments and the report count them. A term that ends on the anniversary of its
    /// first day (附件2 三、3 signed 2026-12-07: to 2027-12-07, as 民法典 第二百零一、二百零二条 count a year) keeps that last
    /// day in its last year rather than starting a year of one day (which would owe a whole instalment for it).
    /// </summary>
    public static IReadOnlyList<AgreementYear> Within(DateOnly from, DateOnly to)
    {
        var years = new List<AgreementYear>();
        for (var n = 1; from.AddYears(n - 1) <= to; n++)
        {
            var end = from.AddYears(n).AddDays(-1);
            if (end >= to || from.AddYears(n) == to)
            {
                years.Add(new AgreementYear(n, from.AddYears(n - 1), to));
                break;
            }

            years.Add(new AgreementYear(n, from.AddYears(n - 1), end));
        }

        return years;
    }
}

/// <summary>
/// 年度评价 (2024 guide 一(二) 组织实施医养结合服务质量评价; 2023 guide 四.6 总结提升): each party rates one agreement
/// year once, on four criteria (1–5) and a comment; the other party and the regulators read it. Open from the year's
/// last quarter until three months after it ended; never changed once submitted (ADR 037).
/// </summary>
public sealed class AgreementEvaluation : ITenantOwned
{
    public const int MaxCommentLength = 500;

    /// <summary>A score this low needs a comment saying what to improve (总结提升).</summary>
    public const int LowScore = 2;

    private AgreementEvaluation()
    {
        Comment = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid AgreementId { get; private set; }

    public int Year { get; private set; }

    /// <summary>The side that rates (and whose partner is rated).</summary>
    public AgreementParty Party { get; private set; }

    public int Timeliness { get; private set; }

    public int Quality { get; private set; }

    public int Cooperation { get; private set; }

    public int Records { get; private set; }

    public string Comment { get; private set; }

    public Guid SubmittedByUserId { get; private set; }

    public DateTimeOffset SubmittedAtUtc { get; private set; }

    public int Score(EvaluationCriterion criterion) => criterion switch
    {
        EvaluationCriterion.Timeliness => Timeliness,
        EvaluationCriterion.Quality => Quality,
        EvaluationCriterion.Cooperation => Cooperation,
        _ => Records,
    };

    public double Average => (Timeliness + Quality + Cooperation + Records) / 4.0;

    /// <summary>The agreement's years, in order; none before it came into force or for a 补充协议.</summary>
    public static IReadOnlyList<AgreementYear> YearsOf(Agreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (agreement.ServiceDays() is not { } days)
        {
            return [];
        }

        return AgreementYear.Within(days.From, days.To);
    }

    /// <summary>
    /// What is wrong with <paramref name="party"/> rating <paramref name="year"/>, keyed by criterion name or
    /// "Comment"; <paramref name="existing"/>: the agreement's evaluations.
    /// </summary>
    public static IReadOnlyList<FieldError> Problems(
        Agreement agreement, AgreementParty party, int year, IReadOnlyDictionary<EvaluationCriterion, int?> scores, string? comment,
        DateOnly today, IReadOnlyCollection<AgreementEvaluation> existing)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(existing);
        var errors = new List<FieldError>();
        if (WhyClosed(agreement, party, year, today, existing) is { } closed)
        {
            errors.Add(new FieldError(string.Empty, closed));
            return errors;
        }

        foreach (var criterion in Enum.GetValues<EvaluationCriterion>())
        {
            if (scores.GetValueOrDefault(criterion) is not { } s || s < 1 || s > 5)
            {
                errors.Add(new FieldError(criterion.ToString(), "请选择 1 至 5 分。"));
            }
        }

        var text = comment?.Trim() ?? string.Empty;
        if (text.Length > MaxCommentLength)
        {
            errors.Add(new FieldError(nameof(Comment), new DomainMessage("总体评价不能超过 {0} 个字。", MaxCommentLength)));
        }
        else if (PersonalDataScreen.Finding(text) is { } finding)
        {
            errors.Add(new FieldError(nameof(Comment), new DomainMessage("总体评价中似乎有{0}；请不要写入个人信息。", new DomainMessage(finding))));
        }
        else if (text.Length == 0 && scores.Values.Any(s => s is >= 1 and <= LowScore))
        {
            errors.Add(new FieldError(nameof(Comment), "有 2 分及以下的评分时，请在总体评价中写明需要改进的地方。"));
        }

        return errors;
    }

    /// <summary>Why <paramref name="party"/> may not rate <paramref name="year"/> now, or null when it may.</summary>
    public static DomainMessage? WhyClosed(
        Agreement agreement, AgreementParty party, int year, DateOnly today, IReadOnlyCollection<AgreementEvaluation> existing)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(existing);
        if (!Enum.IsDefined(party) || YearsOf(agreement).FirstOrDefault(y => y.Number == year) is not { } y)
        {
            return new DomainMessage("只有已生效协议的双方可以评价协议年度。");
        }

        if (today < y.Opens)
        {
            return new DomainMessage("第 {0} 协议年度的评价自 {1} 起开放（年度最后一个季度）。", year, Day(y.Opens));
        }

        if (today > y.Closes)
        {
            return new DomainMessage("第 {0} 协议年度的评价已于 {1} 截止。", year, Day(y.Closes));
        }

        return existing.Any(e => e.AgreementId == agreement.Id && e.Year == year && e.Party == party)
            ? new DomainMessage("本机构已评价过第 {0} 协议年度，评价提交后不能修改。", year)
            : null;
    }

    public static AgreementEvaluation Submit(
        Agreement agreement, AgreementActor by, int year, IReadOnlyDictionary<EvaluationCriterion, int?> scores, string? comment,
        IReadOnlyCollection<AgreementEvaluation> existing)
    {
        by.EnsureKnown();
        SixOnesEntries.ThrowFirst(Problems(agreement, by.Party, year, scores, comment, BeijingTime.DateOf(by.AtUtc), existing));
        return new AgreementEvaluation
        {
            Id = Guid.CreateVersion7(),
            TenantId = agreement.TenantId,
            AgreementId = agreement.Id,
            Year = year,
            Party = by.Party,
            Timeliness = scores[EvaluationCriterion.Timeliness]!.Value,
            Quality = scores[EvaluationCriterion.Quality]!.Value,
            Cooperation = scores[EvaluationCriterion.Cooperation]!.Value,
            Records = scores[EvaluationCriterion.Records]!.Value,
            Comment = comment?.Trim() ?? string.Empty,
            SubmittedByUserId = by.UserId,
            SubmittedAtUtc = by.AtUtc,
        };
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
