using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Institutions;

internal static class InstitutionRules
{
    public const int MaxNameLength = 100;

    public static string RequireName(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainException("请填写机构名称。");
        }

        if (trimmed.Length > MaxNameLength)
        {
            throw new DomainException($"机构名称不能超过 {MaxNameLength} 个字。");
        }

        return trimmed;
    }
}
