namespace YiyangPortal.Domain.Common;

/// <summary>
/// An argument of a <see cref="DomainMessage"/> that is a list of any length (what a month's plan asks: 坐诊 4 次、查房 2 次):
/// the items (values or nested messages) and the Chinese separator, itself a localization key (ADR 046), so an
/// English reader gets ", " where the Chinese has "、". <see cref="ToString"/> is the Chinese text.
/// </summary>
public sealed class DomainMessageList
{
    public DomainMessageList(string separator, IEnumerable<object?> items)
    {
        ArgumentNullException.ThrowIfNull(separator);
        ArgumentNullException.ThrowIfNull(items);
        Separator = separator;
        Items = [.. items];
    }

    public string Separator { get; }

    public IReadOnlyList<object?> Items { get; }

    public override string ToString() => string.Join(Separator, Items.Select(i => i switch
    {
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => i?.ToString(),
    }));
}
