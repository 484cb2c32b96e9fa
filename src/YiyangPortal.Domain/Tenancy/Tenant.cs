using System.Text.RegularExpressions;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Tenancy;

/// <summary>A city deployment (e.g. 绍兴市). The root of tenancy: it is not itself tenant-owned.</summary>
public sealed partial class Tenant
{
    private Tenant()
    {
        Slug = string.Empty;
        Name = string.Empty;
    }

    public Tenant(string slug, string name, string divisionCode)
    {
        if (!SlugPattern().IsMatch(slug))
        {
            throw new DomainException("租户标识只能由小写字母、数字和连字符组成，长度 2–40。");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("请填写城市名称。");
        }

        Id = Guid.CreateVersion7();
        Slug = slug;
        Name = name.Trim();
        DivisionCode = divisionCode;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    /// <summary>First path segment of every tenant URL (<c>/shaoxing/...</c>).</summary>
    public string Slug { get; private set; }

    public string Name { get; private set; }

    /// <summary>GB/T 2260 administrative division code of the city (e.g. 330600 for 绍兴市).</summary>
    public string DivisionCode { get; private set; } = string.Empty;

    public bool IsActive { get; private set; }

    /// <summary>The default notice period of a new city, in days.</summary>
    public const int DefaultTerminationNoticeDays = 30;

    /// <summary>
    /// 2020 guide 六(二): a 单方通知 termination takes effect this many days after the notice unless the other party
    /// confirms it sooner; set by the city's administrator.
    /// </summary>
    public int TerminationNoticeDays { get; private set; } = DefaultTerminationNoticeDays;

    public void SetTerminationNoticeDays(int days) =>
        TerminationNoticeDays = days is >= 1 and <= Agreements.Agreement.MaxNoticeDays
            ? days
            : throw new DomainException("单方通知终止的通知期须在 1 至 {0} 天之间。", Agreements.Agreement.MaxNoticeDays);

    /// <summary>
    /// 确认时限 (issue 15): the days the elder-care institution has to confirm or dispute a service record before it is
    /// flagged 逾期未确认 (<see cref="Fulfilment.ConfirmationWindow"/>); set by the city's administrator.
    /// </summary>
    public int ServiceConfirmationDays { get; private set; } = Fulfilment.ConfirmationWindow.DefaultDays;

    public void SetServiceConfirmationDays(int days) =>
        ServiceConfirmationDays = days is >= Fulfilment.ConfirmationWindow.MinDays and <= Fulfilment.ConfirmationWindow.MaxDays
            ? days
            : throw new DomainException(
                "服务记录确认时限须在 {0} 至 {1} 天之间。", Fulfilment.ConfirmationWindow.MinDays, Fulfilment.ConfirmationWindow.MaxDays);

    /// <summary>Path segments that can never be tenant slugs because the platform uses them.</summary>
    public static IReadOnlySet<string> ReservedSlugs { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "health", "lib", "css", "js", "img", "login", "logout", "platform", "culture", "account", "error", "verify",
    };

    public static bool IsValidSlug(string? slug) =>
        slug is not null && SlugPattern().IsMatch(slug) && !ReservedSlugs.Contains(slug);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex SlugPattern();
}
