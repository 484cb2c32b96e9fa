using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Institutions;

internal static class InstitutionRules
{
    public const int MaxNameLength = 100;
    public const int MaxRegistrationLength = 50;

    public static string RequireName(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainException("请填写机构名称。");
        }

        if (trimmed.Length > MaxNameLength)
        {
            throw new DomainException("机构名称不能超过 {0} 个字。", MaxNameLength);
        }

        return trimmed;
    }

    /// <summary>2020 guide 二(一): 医疗卫生机构 licensed, 养老机构 备案, 日间照料机构 registered — so the number is required.</summary>
    public static string RequireRegistration(string number, string what)
    {
        var trimmed = number.Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainException("请填写{0}。", new DomainMessage(what));
        }

        if (trimmed.Length > MaxRegistrationLength)
        {
            throw new DomainException("{0}不能超过 {1} 个字符。", new DomainMessage(what), MaxRegistrationLength);
        }

        return trimmed;
    }
}
