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

    /// <summary>The longest city name taken (e.g. 延边朝鲜族自治州 is 8 characters).</summary>
    public const int NameMaxLength = 50;

    public Tenant(string slug, string name, string divisionCode)
    {
        if (Problems(slug, name, divisionCode) is [var first, ..])
        {
            throw new DomainException(first.Text);
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

    /// <summary>停用: the city's URLs answer with a "门户已停用" page; nothing is deleted and 启用 brings it back.</summary>
    public bool IsActive { get; private set; }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    /// <summary>
    /// What is wrong with a new city's slug, name and GB/T 2260 code, keyed by form field. A city's code ends in 00
    /// (地级 level: 330600 绍兴市); a province's ends in 0000 and is not a city.
    /// </summary>
    public static IReadOnlyList<FieldError> Problems(string? slug, string? name, string? divisionCode)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(slug))
        {
            errors.Add(new FieldError(nameof(Slug), "请填写租户标识。"));
        }
        else if (!SlugPattern().IsMatch(slug))
        {
            errors.Add(new FieldError(nameof(Slug), "租户标识只能由小写字母、数字和连字符组成，以字母或数字开头，长度 2–40。"));
        }
        else if (ReservedSlugs.Contains(slug))
        {
            errors.Add(new FieldError(nameof(Slug), new DomainMessage("“{0}”是平台保留的路径，不能用作租户标识。", slug)));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new FieldError(nameof(Name), "请填写城市名称。"));
        }
        else if (name.Trim().Length > NameMaxLength)
        {
            errors.Add(new FieldError(nameof(Name), new DomainMessage("城市名称不能超过 {0} 个字。", NameMaxLength)));
        }
        else if (name.Any(char.IsControl))
        {
            errors.Add(new FieldError(nameof(Name), "名称只能有一行，不能含换行等控制字符。"));
        }

        if (string.IsNullOrWhiteSpace(divisionCode))
        {
            errors.Add(new FieldError(nameof(DivisionCode), "请填写行政区划代码。"));
        }
        else if (divisionCode.Length != 6 || !divisionCode.All(char.IsAsciiDigit))
        {
            errors.Add(new FieldError(nameof(DivisionCode), "行政区划代码应为 6 位数字。"));
        }
        else if (!divisionCode.EndsWith("00", StringComparison.Ordinal) || divisionCode.EndsWith("0000", StringComparison.Ordinal))
        {
            errors.Add(new FieldError(nameof(DivisionCode), "城市的行政区划代码应以 00 结尾（如绍兴市 330600），以 0000 结尾的是省级代码。"));
        }

        return errors;
    }

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
