using YiyangPortal.Domain.Common;

namespace YiyangPortal.Web.Features.Shared;

/// <summary>
/// Money as every page and the public list print it: thousands separators and two decimals ("36,000.00", the format
/// of <see cref="Money.ToString"/> and of the PDF), "—" when there is no amount.
/// </summary>
public static class Amounts
{
    public static string Yuan(Money? money) => money?.ToString() ?? "—";
}
