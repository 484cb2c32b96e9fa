using SkiaSharp;

namespace YiyangPortal.Signing.SealImages;

/// <summary>
/// Draws an institution's round red seal (公章) as a PNG with a transparent background: a red ring, the registered
/// name along the upper arc, a five-pointed star in the middle, an optional caption under the star (e.g. 合同专用章)
/// and the 统一社会信用代码 along the lower arc. The same input always gives the same bytes.
/// </summary>
public sealed class SealImageRenderer : IDisposable
{
    /// <summary>Seal red (印泥红), opaque: in the PDF the seal is blended with Multiply, like ink on paper, so the
    /// black text under it stays legible.</summary>
    private static readonly SKColor SealRed = new(0xD9, 0x12, 0x1E);

    private readonly SealImageOptions _options;
    private readonly SKTypeface _typeface;

    public SealImageRenderer(SealImageOptions? options = null)
    {
        _options = options ?? new SealImageOptions();
        _typeface = SKTypeface.FromFile(_options.FontPath, _options.FaceIndex)
            ?? throw new FileNotFoundException($"Seal font not found: {_options.FontPath}", _options.FontPath);
    }

    /// <exception cref="SealImageException">The name is empty or holds a character the font cannot draw.</exception>
    public byte[] Render(string institutionName, string? creditCode = null, string? caption = null)
    {
        var name = (institutionName ?? "").Trim();
        if (name.Length == 0)
        {
            throw new SealImageException("机构名称为空，无法生成印章图片。");
        }
        using (var probe = Font(12))
        {
            foreach (var rune in (name + creditCode + caption).EnumerateRunes())
            {
                if (!probe.ContainsGlyphs(rune.ToString()))
                {
                    throw new SealImageException("机构名称中的“{0}”无法在印章字体中显示，请上传印章图片。", rune.ToString());
                }
            }
        }
        var size = _options.Size;
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        using var paint = new SKPaint { Color = SealRed, IsAntialias = true };
        var center = size / 2f;
        var radius = center - (size * 0.02f);

        // The ring.
        paint.Style = SKPaintStyle.Stroke;
        paint.StrokeWidth = radius * 0.075f;
        canvas.DrawCircle(center, center, radius - (paint.StrokeWidth / 2), paint);
        paint.Style = SKPaintStyle.Fill;

        DrawStar(canvas, paint, center, center, radius * 0.27f);
        DrawName(canvas, paint, name, center, radius);
        if (!string.IsNullOrWhiteSpace(caption))
        {
            DrawCaption(canvas, paint, caption.Trim(), center, radius);
        }
        if (!string.IsNullOrWhiteSpace(creditCode))
        {
            DrawCode(canvas, paint, creditCode.Trim().ToUpperInvariant(), center, radius);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    // The name clockwise over the top, each character upright towards the rim; long names get a wider arc and
    // narrower characters, as seal engravers compress them.
    private void DrawName(SKCanvas canvas, SKPaint paint, string name, float center, float radius)
    {
        var characters = name.EnumerateRunes().Select(r => r.ToString()).ToList();
        var count = characters.Count;
        var textSize = radius * (count <= 10 ? 0.24f : count <= 16 ? 0.21f : 0.18f);
        var sweep = Math.Min(230f, 120f + (count * 10f));
        using var font = Font(textSize);
        font.ScaleX = count <= 12 ? 0.95f : count <= 18 ? 0.8f : 0.68f;
        var textRadius = radius * 0.8f;
        var step = count > 1 ? sweep / (count - 1) : 0;
        var start = -90f - (sweep / 2);
        for (var i = 0; i < count; i++)
        {
            var angle = start + (i * step);
            DrawRotated(canvas, paint, font, characters[i], center, textRadius, angle, angle + 90f, textSize);
        }
    }

    // The register number along the bottom, read left to right, the digits upright towards the centre.
    private void DrawCode(SKCanvas canvas, SKPaint paint, string code, float center, float radius)
    {
        var textSize = radius * 0.085f;
        using var font = Font(textSize);
        var count = code.Length;
        var sweep = Math.Min(86f, count * 5f);
        var step = count > 1 ? sweep / (count - 1) : 0;
        var start = 90f + (sweep / 2);
        var textRadius = radius * 0.84f;
        for (var i = 0; i < count; i++)
        {
            var angle = start - (i * step);
            DrawRotated(canvas, paint, font, code[i].ToString(), center, textRadius, angle, angle - 90f, -textSize * 0.35f);
        }
    }

    private void DrawCaption(SKCanvas canvas, SKPaint paint, string caption, float center, float radius)
    {
        var textSize = radius * 0.15f;
        using var font = Font(textSize);
        var width = font.MeasureText(caption);
        if (width > radius * 0.9f)
        {
            font.ScaleX = radius * 0.9f / width;
        }
        canvas.DrawText(caption, center, center + (radius * 0.55f), SKTextAlign.Center, font, paint);
    }

    private static void DrawRotated(
        SKCanvas canvas, SKPaint paint, SKFont font, string text, float center, float textRadius, float angle, float rotation, float baselineShift)
    {
        var radians = angle * MathF.PI / 180f;
        canvas.Save();
        canvas.Translate(center + (textRadius * MathF.Cos(radians)), center + (textRadius * MathF.Sin(radians)));
        canvas.RotateDegrees(rotation);
        // The glyph's em box hangs inwards from the arc: the baseline sits a glyph height towards the centre.
        canvas.DrawText(text, 0, baselineShift * 0.88f, SKTextAlign.Center, font, paint);
        canvas.Restore();
    }

    private static void DrawStar(SKCanvas canvas, SKPaint paint, float cx, float cy, float outer)
    {
        var inner = outer * 0.382f;
        using var builder = new SKPathBuilder();
        for (var i = 0; i < 10; i++)
        {
            var r = i % 2 == 0 ? outer : inner;
            var angle = (-90f + (i * 36f)) * MathF.PI / 180f;
            var point = new SKPoint(cx + (r * MathF.Cos(angle)), cy + (r * MathF.Sin(angle)));
            if (i == 0)
            {
                builder.MoveTo(point);
            }
            else
            {
                builder.LineTo(point);
            }
        }
        builder.Close();
        using var path = builder.Detach();
        canvas.DrawPath(path, paint);
    }

    private SKFont Font(float size) => new(_typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    public void Dispose() => _typeface.Dispose();
}
