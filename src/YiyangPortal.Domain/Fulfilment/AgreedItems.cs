using System.Globalization;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;

namespace YiyangPortal.Domain.Fulfilment;

/// <summary>
/// An agreed item as one version of the agreement states it: the line it is planned and recorded on
/// (<see cref="LineItemId"/>), and the conditions its clause sets (附件1 一、二: 派___名中级职称及以上医师).
/// </summary>
/// <param name="LineItemId">The original's item id for an item the original has (ADR 043), else the id of the item in
/// the first 补充协议 that added it (ADR 044).</param>
/// <param name="Item">The item as the version states it (its name, unit, frequency and clause).</param>
/// <param name="Version">The original or the 补充协议 that states it.</param>
public sealed record AgreedItem(Guid LineItemId, AgreementItem Item, Agreement Version, ProfessionalTitle? RequiredTitle, int? DoctorCount)
{
    public string Name => Item.Name;
}

/// <summary>
/// 约定服务项目 of an original as its 补充协议 changed them (2020 guide 九(二): 如有重大调整，应当及时签订补充协议; ADR 043,
/// 044): the one rule for which items, with what frequency and conditions, are agreed on a service day. The versions
/// are <see cref="AgreementVersions"/>' slices (the original from its first service day, each supplement in force from
/// its Beijing day of coming into force until the next one does). An item is followed by its catalogue item (<see cref="AgreementItem.ServiceItemId"/>, as
/// <see cref="SupplementChanges"/> matches them), so its plan lines and records stay on one line id whatever version
/// states it; an item a supplement adds is agreed from that supplement's day, one it drops no longer after it.
/// </summary>
public sealed class AgreedItems
{
    private readonly Dictionary<Guid, Guid> _lineOf = [];
    private readonly List<Guid> _order = [];

    private AgreedItems(Agreement original, IReadOnlyList<Agreement> inForce, IReadOnlyList<AgreementVersion> versions)
    {
        Original = original;
        Versions = versions;
        foreach (var item in inForce.SelectMany(v => v.IncludedItems))
        {
            if (_lineOf.TryAdd(item.ServiceItemId, item.Id))
            {
                _order.Add(item.Id);
            }
        }
    }

    /// <summary>The signed original: service records are kept on it (ADR 033), whatever version their item is from.</summary>
    public Agreement Original { get; }

    /// <summary>The versions over the original's service days, in order; empty when it has none.</summary>
    public IReadOnlyList<AgreementVersion> Versions { get; }

    /// <summary>The items of <paramref name="original"/> alone (an agreement with no 补充协议 in force).</summary>
    public static AgreedItems Of(Agreement original) => Of(original, []);

    /// <param name="supplements">The original's supplements, with their items; those that never came into force are ignored.</param>
    public static AgreedItems Of(Agreement original, IEnumerable<Agreement> supplements)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(supplements);
        var inForce = AgreementVersions.InForce(original, supplements);
        return new AgreedItems(original, [original, .. inForce],
            original.ServiceDays() is { } days ? AgreementVersions.Of(original, inForce, days) : []);
    }

    /// <summary>The line an item of any version is planned and recorded on (keyed by its catalogue item).</summary>
    public Guid LineIdOf(AgreementItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _lineOf[item.ServiceItemId];
    }

    /// <summary>Where a line comes in lists and plans: the original's items first, then those supplements added.</summary>
    public int OrderOf(Guid lineItemId) => _order.IndexOf(lineItemId) is var i and >= 0 ? i : int.MaxValue;

    /// <summary>The items agreed on <paramref name="day"/>, as the version in force that day states them.</summary>
    public IReadOnlyList<AgreedItem> On(DateOnly day) => Between(day, day);

    /// <summary>
    /// The items agreed on any day from <paramref name="from"/> to <paramref name="to"/> (a month shown, say), one per
    /// line, as the latest version of those days that has it states it.
    /// </summary>
    public IReadOnlyList<AgreedItem> Between(DateOnly from, DateOnly to) =>
        Of(Versions.Where(v => v.From <= to && v.To >= from));

    /// <summary>
    /// The items a record form offers for the calendar month of <paramref name="month"/>: those with a frequency agreed on
    /// any of its days (<see cref="Between"/>); the record rules check the service day itself.
    /// </summary>
    public IReadOnlyList<AgreedItem> RecordableIn(DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        return Between(first, first.AddMonths(1).AddDays(-1)).Where(i => i.Item.Frequency > 0).ToList();
    }

    /// <summary>Every item agreed on some service day, one per line, as the latest version that has it states it.</summary>
    public IReadOnlyList<AgreedItem> All => Of(Versions);

    /// <summary>
    /// Why the item of line <paramref name="lineItemId"/> is not agreed on <paramref name="day"/>, a service day: a
    /// supplement adds it only later, or dropped it before; null when it is agreed that day or is no item of this
    /// agreement at all (the caller's "choose an agreed item").
    /// </summary>
    public DomainMessage? NotAgreedOn(Guid lineItemId, DateOnly day)
    {
        var index = Versions.ToList().FindIndex(v => v.From <= day && v.To >= day);
        if (index < 0 || Has(Versions[index], lineItemId) || _order.IndexOf(lineItemId) < 0)
        {
            return null;
        }

        var name = All.FirstOrDefault(i => i.LineItemId == lineItemId)?.Name ?? string.Empty;
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lastBefore = Versions.Take(index).ToList().FindLastIndex(v => Has(v, lineItemId));
        if (lastBefore >= 0)
        {
            var dropped = Versions[lastBefore + 1];
            return new DomainMessage(
                "“{0}”自 {1} 起由补充协议（{2}）取消，{3} 已不在约定范围内，请核对服务日期或服务项目。",
                name, dropped.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dropped.Agreement.DocumentNumber, date);
        }

        if (Versions.Skip(index + 1).FirstOrDefault(v => Has(v, lineItemId)) is { } added)
        {
            return new DomainMessage(
                "“{0}”自 {1} 起由补充协议（{2}）增加，{3} 尚不在约定范围内，请核对服务日期或服务项目。",
                name, added.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), added.Agreement.DocumentNumber, date);
        }

        return null;
    }

    /// <summary>
    /// What a 补充协议 coming into force from <paramref name="from"/> to <paramref name="to"/> (a plan line's period) did
    /// to the item of line <paramref name="lineItemId"/>: added it, dropped it or changed its frequency, with the day
    /// and the supplement's number, so a page can say why that period owes a share; null when nothing changed in it.
    /// </summary>
    public DomainMessage? ChangeWithin(Guid lineItemId, DateOnly from, DateOnly to)
    {
        for (var i = 1; i < Versions.Count; i++)
        {
            var version = Versions[i];
            if (version.From < from || version.From > to)
            {
                continue;
            }

            var before = ItemOf(Versions[i - 1], lineItemId);
            var after = ItemOf(version, lineItemId);
            var text = (before, after) switch
            {
                (null, not null) => "自 {0} 起按补充协议（{1}）增加",
                (not null, null) => "自 {0} 起按补充协议（{1}）取消",
                (not null, not null) when before.Frequency != after.Frequency => "自 {0} 起按补充协议（{1}）调整次数",
                _ => null,
            };
            if (text is not null)
            {
                return new DomainMessage(text, version.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), version.Agreement.DocumentNumber);
            }
        }

        return null;
    }

    private AgreementItem? ItemOf(AgreementVersion version, Guid lineItemId) =>
        version.Agreement.IncludedItems.FirstOrDefault(i => _lineOf[i.ServiceItemId] == lineItemId);

    private bool Has(AgreementVersion version, Guid lineItemId) => ItemOf(version, lineItemId) is not null;

    private List<AgreedItem> Of(IEnumerable<AgreementVersion> versions)
    {
        var latest = new Dictionary<Guid, AgreedItem>();
        foreach (var version in versions)
        {
            foreach (var item in version.Agreement.IncludedItems)
            {
                var (title, doctors) = ServicePlan.ConditionsOf(version.Agreement, item);
                var line = _lineOf[item.ServiceItemId];
                latest[line] = new AgreedItem(line, item, version.Agreement, title, doctors);
            }
        }

        return latest.Values.OrderBy(i => OrderOf(i.LineItemId)).ToList();
    }
}
