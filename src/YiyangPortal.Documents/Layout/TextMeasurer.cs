using SkiaSharp;

namespace YiyangPortal.Documents.Layout;

/// <summary>Measures text with the whole fonts. The per-document subsets have the same advances, so layout
/// done here holds when the subsets paint.</summary>
internal sealed class TextMeasurer : IDisposable
{
    private const float UnitSize = 100f;

    private readonly SKFont _regular;
    private readonly SKFont _bold;
    private readonly Dictionary<(string, bool), float> _unitWidths = [];

    public TextMeasurer(SKTypeface regular, SKTypeface bold)
    {
        _regular = FontFactory.Create(regular, UnitSize);
        _bold = FontFactory.Create(bold, UnitSize);
    }

    public float Width(string text, bool bold, float size)
    {
        if (!_unitWidths.TryGetValue((text, bold), out var unit))
        {
            unit = (bold ? _bold : _regular).MeasureText(text) / UnitSize;
            _unitWidths[(text, bold)] = unit;
        }
        return unit * size;
    }

    public void Dispose()
    {
        _regular.Dispose();
        _bold.Dispose();
    }
}

internal static class FontFactory
{
    /// <summary>Every font the documents use: no hinting and linear metrics, so advances do not depend on the
    /// size being drawn (PDF text is resolution independent; hinted advances would differ from what the
    /// subset prints).</summary>
    public static SKFont Create(SKTypeface typeface, float size) => new(typeface, size)
    {
        Hinting = SKFontHinting.None,
        LinearMetrics = true,
        Subpixel = true,
        Edging = SKFontEdging.Antialias,
    };
}
