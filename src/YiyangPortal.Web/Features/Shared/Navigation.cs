using YiyangPortal.Domain.Identity;

namespace YiyangPortal.Web.Features.Shared;

/// <summary>A navigation entry: every entry leads to a page that exists (no "即将上线" placeholders).</summary>
public sealed record NavItem(string Label, string Href);

/// <summary>
/// Each role's own navigation; the first entry is the role's home page. A page has one name: the menu entry, the
/// page's heading and the breadcrumbs that lead back to it use the same words (签约协议, 医疗机构名录, 备案 / 备案审查).
/// </summary>
public static class Navigation
{
    public static string HomeOf(PortalRole role) => For(role)[0].Href;

    public static IReadOnlyList<NavItem> For(PortalRole role) => role switch
    {
        PortalRole.PlatformAdmin =>
        [
            new("平台概览", "~/platform"),
            new("城市租户", "~/platform/tenants"),
            new("运行状态", "~/platform/status"),
        ],
        PortalRole.TenantAdmin =>
        [
            new("工作台", "~/admin"),
            new("养老服务机构", "~/admin/institutions/eldercare"),
            new("医疗卫生机构", "~/admin/institutions/medical"),
            new("服务目录", "~/admin/catalogue"),
            new("签约目标", "~/admin/targets"),
            new("节假日", "~/admin/holidays"),
            new("协议设置", "~/admin/settings"),
            new("账户管理", "~/admin/accounts"),
        ],
        PortalRole.ElderCareStaff =>
        [
            new("工作台", "~/eldercare"),
            new("签约协议", "~/agreements"),
            new("新建协议", "~/agreements/new"),
            new("医疗机构名录", "~/institutions/medical"),
            new("备案", "~/filings"),
            new("本机构信息", "~/profile"),
            new("本机构印章", "~/seal"),
        ],
        PortalRole.MedicalAdmin =>
        [
            new("工作台", "~/medical"),
            new("签约协议", "~/agreements"),
            new("收费标准", "~/medical/fees"),
            new("费用备查账", "~/medical/ledger"),
            new("备案", "~/filings"),
            new("本机构信息", "~/profile"),
            new("本机构印章", "~/seal"),
        ],
        PortalRole.Regulator =>
        [
            new("工作台", "~/regulator"),
            new("备案审查", "~/filings"),
            new("统计分析", "~/regulator/dashboard"),
            new("履约监管", "~/regulator/fulfilment"),
            new("六个一", "~/regulator/six-ones"),
            new("医疗机构名录", "~/institutions/medical"),
        ],
        _ => [],
    };
}
