namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// What a 补充协议 changes (2020 guide 九(二): 如有重大调整，应当及时签订补充协议): the blanks and service items that differ
/// from the version in force when it was drafted, one sentence each, as the supplement prints them. A supplement
/// states only these; everything else stays as the original says.
/// </summary>
public static class SupplementChanges
{
    public static IReadOnlyList<string> Between(Agreement basis, Agreement supplement)
    {
        var lines = AgreementTermsChanges.Differences(basis.Terms, supplement.Terms)
            .Select(d => $"{d.Label}由“{d.Before}”变更为“{d.After}”。")
            .ToList();
        var before = basis.IncludedItems.ToDictionary(i => i.ServiceItemId);
        var after = supplement.IncludedItems.ToDictionary(i => i.ServiceItemId);
        foreach (var item in supplement.IncludedItems)
        {
            if (!before.TryGetValue(item.ServiceItemId, out var was))
            {
                lines.Add($"增加服务项目“{item.Name}”：{item.DescribeValues()}。");
            }
            else if (was.Frequency != item.Frequency || was.UnitPrice != item.UnitPrice)
            {
                lines.Add($"服务项目“{item.Name}”由“{was.DescribeValues()}”变更为“{item.DescribeValues()}”。");
            }
        }

        lines.AddRange(basis.IncludedItems.Where(i => !after.ContainsKey(i.ServiceItemId))
            .Select(i => $"不再提供服务项目“{i.Name}”（原约定 {i.DescribeValues()}）。"));
        return lines;
    }
}
