using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Tenancy;

/// <summary>A county-level division (区/县(市)) of a tenant city. County bureaus receive the filings.</summary>
public sealed class County : ITenantOwned
{
    /// <summary>The longest bureau name taken (e.g. 越城区卫生健康和计划生育局 is 13 characters).</summary>
    public const int MaxBureauNameLength = 50;

    private County()
    {
        Name = string.Empty;
        DivisionCode = string.Empty;
        CivilAffairsBureauName = string.Empty;
        HealthBureauName = string.Empty;
    }

    public County(Guid tenantId, string divisionCode, string name, CountyKind kind)
    {
        if (divisionCode.Length != 6 || !divisionCode.All(char.IsAsciiDigit))
        {
            throw new DomainException("行政区划代码应为 6 位数字。");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("请填写区县名称。");
        }

        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        DivisionCode = divisionCode;
        Name = name.Trim();
        Kind = kind;

        // The usual names; the city's administrator corrects those that differ (ADR 049: 卫生健康委员会, merged bureaus).
        CivilAffairsBureauName = Name + "民政局";
        HealthBureauName = Name + "卫生健康局";
    }

    /// <summary>The longest county name taken (the column's length).</summary>
    public const int NameMaxLength = 30;

    /// <summary>
    /// The kind a GB/T 2260 county code stands for, by its last two digits: 01–20 市辖区, 21–80 县 (and 旗), 81–99 县级市
    /// (330602 越城区, 330624 新昌县, 330681 诸暨市).
    /// </summary>
    public static CountyKind KindOf(string divisionCode) =>
        int.Parse(divisionCode.AsSpan(4, 2), System.Globalization.CultureInfo.InvariantCulture) switch
        {
            <= 20 => CountyKind.District,
            <= 80 => CountyKind.County,
            _ => CountyKind.CountyLevelCity,
        };

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>GB/T 2260 code, e.g. 330602 for 越城区.</summary>
    public string DivisionCode { get; private set; }

    public string Name { get; private set; }

    public CountyKind Kind { get; private set; }

    /// <summary>
    /// The civil-affairs bureau that receives copies of agreements (2020 guide 六(四): 当地县级民政部门), e.g. 越城区民政局.
    /// Agreements print it as it was when they were submitted (<see cref="Agreements.AgreementTerms.CivilAffairsBureauName"/>).
    /// </summary>
    public string CivilAffairsBureauName { get; private set; }

    /// <summary>
    /// The health bureau that receives copies of agreements (当地县级卫生健康行政部门), e.g. 越城区卫生健康局; in some
    /// places 卫生健康委员会, or a merged bureau (社会事业局).
    /// </summary>
    public string HealthBureauName { get; private set; }

    /// <summary>What is wrong with the bureaus' names, keyed by field; empty when they can be taken.</summary>
    public static IReadOnlyList<FieldError> BureauNameProblems(string? civilAffairs, string? health)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(civilAffairs))
        {
            errors.Add(new FieldError(nameof(CivilAffairsBureauName), "请填写民政部门的名称。"));
        }
        else if (civilAffairs.Trim().Length > MaxBureauNameLength)
        {
            errors.Add(new FieldError(nameof(CivilAffairsBureauName), new DomainMessage("民政部门的名称不能超过 {0} 个字。", MaxBureauNameLength)));
        }
        else if (civilAffairs.Trim().Any(char.IsControl))
        {
            errors.Add(new FieldError(nameof(CivilAffairsBureauName), "名称只能有一行，不能含换行等控制字符。"));
        }

        if (string.IsNullOrWhiteSpace(health))
        {
            errors.Add(new FieldError(nameof(HealthBureauName), "请填写卫生健康部门的名称。"));
        }
        else if (health.Trim().Length > MaxBureauNameLength)
        {
            errors.Add(new FieldError(nameof(HealthBureauName), new DomainMessage("卫生健康部门的名称不能超过 {0} 个字。", MaxBureauNameLength)));
        }
        else if (health.Trim().Any(char.IsControl))
        {
            errors.Add(new FieldError(nameof(HealthBureauName), "名称只能有一行，不能含换行等控制字符。"));
        }

        return errors;
    }

    /// <summary>
    /// The city's administrator corrects the names (ADR 049). Agreements already submitted keep the names they carry;
    /// drafts take the new ones when next saved or submitted, and filings show the bureau's current name.
    /// </summary>
    public void RenameBureaus(string civilAffairs, string health)
    {
        if (BureauNameProblems(civilAffairs, health) is [var first, ..])
        {
            throw new DomainException(first.Text);
        }

        CivilAffairsBureauName = civilAffairs.Trim();
        HealthBureauName = health.Trim();
    }
}
