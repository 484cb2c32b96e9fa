using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Coverage;

/// <summary>How a target stands on a day.</summary>
public enum TargetStanding
{
    /// <summary>已达标.</summary>
    Met = 1,

    /// <summary>未达标, the deadline still ahead (推进中).</summary>
    InProgress = 2,

    /// <summary>未达标 and the deadline passed (逾期未达标).</summary>
    Missed = 3,

    /// <summary>Nothing to count (no institution of that kind).</summary>
    NotApplicable = 4,
}

/// <summary>
/// A coverage target of one tenant: a measure, the share to reach and by when, and the policy it comes from. Targets
/// are tenant configuration (issue 11 point 7): Shaoxing's 绍市民〔2024〕6号 is not Wenzhou's guidance. Seeded from the
/// seeds (<see cref="PolicyTargets"/>), edited by the tenant administrator.
/// </summary>
public sealed class CoverageTarget : ITenantOwned, IRecordsChanges
{
    public const int SourceMaxLength = 100;

    private CoverageTarget()
    {
        Source = string.Empty;
    }

    public CoverageTarget(Guid tenantId, CoverageMeasure measure, int percent, DateOnly deadline, string source)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        Measure = measure;
        Source = string.Empty;
        Change(percent, deadline, source);
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public CoverageMeasure Measure { get; private set; }

    /// <summary>The share to reach, 1–100 (%; "100%" = every institution, "≥90%" = 90).</summary>
    public int Percent { get; private set; }

    /// <summary>The last day by which it is to be reached (到2024年5月底前 → 2024-05-31).</summary>
    public DateOnly Deadline { get; private set; }

    /// <summary>The document and clause, e.g. 绍市民〔2024〕6号 一.</summary>
    public string Source { get; private set; }

    /// <summary>What is wrong with these values, keyed by form field; empty when they can be taken.</summary>
    public static IReadOnlyList<FieldError> Problems(CoverageMeasure? measure, int? percent, DateOnly? deadline, string? source, string prefix = "")
    {
        var errors = new List<FieldError>();
        if (measure is null || !Enum.IsDefined(measure.Value))
        {
            errors.Add(new FieldError(prefix + "Measure", "请选择统计指标。"));
        }

        if (percent is not (>= 1 and <= 100))
        {
            errors.Add(new FieldError(prefix + "Percent", "目标比例应为 1 到 100 之间的整数（%）。"));
        }

        if (deadline is not { } d)
        {
            errors.Add(new FieldError(prefix + "Deadline", "请填写完成期限。"));
        }
        else if (d.Year is < 2000 or > 2099)
        {
            errors.Add(new FieldError(prefix + "Deadline", "完成期限应在 2000 年至 2099 年之间。"));
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            errors.Add(new FieldError(prefix + "Source", "请填写目标依据（文件及条款）。"));
        }
        else if (source.Trim().Length > SourceMaxLength)
        {
            errors.Add(new FieldError(prefix + "Source", new DomainMessage("目标依据不能超过 {0} 个字。", SourceMaxLength)));
        }

        return errors;
    }

    public void Change(int percent, DateOnly deadline, string source)
    {
        if (Problems(Measure, percent, deadline, source) is [var first, ..])
        {
            throw new DomainException(first.Text);
        }

        Percent = percent;
        Deadline = deadline;
        Source = source.Trim();
    }

    /// <summary>Whether the counts reach the target, and if not, whether its deadline has passed on <paramref name="today"/>.</summary>
    public TargetStanding StandingOn(CoverageCounts counts, DateOnly today)
    {
        var (part, whole) = counts.Fraction(Measure);
        if (whole == 0)
        {
            return TargetStanding.NotApplicable;
        }

        // Exact in integers: part / whole ≥ percent / 100.
        if ((long)part * 100 >= (long)Percent * whole)
        {
            return TargetStanding.Met;
        }

        return today > Deadline ? TargetStanding.Missed : TargetStanding.InProgress;
    }
}

/// <summary>Choosing among a tenant's targets.</summary>
public static class CoverageTargets
{
    /// <summary>
    /// The target of <paramref name="measure"/> that applies on <paramref name="today"/>: the next one still ahead,
    /// or, once all deadlines passed, the last (the level to hold). Null when the tenant set none.
    /// </summary>
    public static CoverageTarget? Current(IEnumerable<CoverageTarget> targets, CoverageMeasure measure, DateOnly today)
    {
        var ofMeasure = targets.Where(t => t.Measure == measure).OrderBy(t => t.Deadline).ToList();
        return ofMeasure.Find(t => t.Deadline >= today) ?? ofMeasure.LastOrDefault();
    }
}
