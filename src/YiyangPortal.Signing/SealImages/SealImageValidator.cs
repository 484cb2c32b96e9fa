using SkiaSharp;

namespace YiyangPortal.Signing.SealImages;

/// <summary>
/// Checks an uploaded seal scan and turns it into the PNG the signer embeds: PNG or JPEG (by their magic bytes, not
/// the file name), at most 1 MB, between 120 and 2,000 pixels a side and roughly square. A scan without
/// transparency (a JPEG, or a PNG on white paper) gets it: paper-white becomes transparent, red stays red.
/// </summary>
public static class SealImageValidator
{
    public const int MaxBytes = 1024 * 1024;
    public const int MinPixels = 120;
    public const int MaxPixels = 2000;

    /// <summary>The seal as a PNG with transparency.</summary>
    /// <exception cref="SealImageException">The upload is refused; the message says why (Chinese).</exception>
    public static byte[] Normalize(byte[] upload)
    {
        if (upload is null || upload.Length == 0)
        {
            throw new SealImageException("请选择印章图片文件。");
        }
        if (upload.Length > MaxBytes)
        {
            throw new SealImageException("印章图片不能超过 1 MB。");
        }
        if (!IsPng(upload) && !IsJpeg(upload))
        {
            throw new SealImageException("印章图片须为 PNG 或 JPEG 格式。");
        }
        using var rgba = RgbaDecoder.Decode(upload);
        var (width, height) = (rgba.Width, rgba.Height);
        if (width < MinPixels || height < MinPixels)
        {
            throw new SealImageException("印章图片太小（{0}×{1} 像素），至少需要 {2}×{2} 像素。", width, height, MinPixels);
        }
        if (width > MaxPixels || height > MaxPixels)
        {
            throw new SealImageException("印章图片太大（{0}×{1} 像素），最多 {2}×{2} 像素。", width, height, MaxPixels);
        }
        if (Math.Max(width, height) > Math.Min(width, height) * 1.5)
        {
            throw new SealImageException("印章图片应接近正方形（请裁剪到印章边缘）。");
        }
        if (!HasTransparency(rgba))
        {
            RemovePaper(rgba);
        }
        using var image = SKImage.FromBitmap(rgba);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    public static bool IsPng(ReadOnlySpan<byte> bytes) => bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    public static bool IsJpeg(ReadOnlySpan<byte> bytes) => bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);

    private static bool HasTransparency(SKBitmap bitmap)
    {
        var pixels = bitmap.GetPixelSpan();
        for (var i = 3; i < pixels.Length; i += 4)
        {
            if (pixels[i] < 250)
            {
                return true;
            }
        }
        return false;
    }

    // Ink absorbs; paper does not: the weakest channel tells how much ink covers a pixel (white paper: none; seal
    // red: much). That becomes the alpha; the colour keeps the scan's hue at full strength.
    private static void RemovePaper(SKBitmap bitmap)
    {
        var pixels = bitmap.GetPixelSpan();
        for (var i = 0; i < pixels.Length; i += 4)
        {
            var lightest = Math.Min(pixels[i], Math.Min(pixels[i + 1], pixels[i + 2]));
            var alpha = 255 - lightest;
            pixels[i + 3] = (byte)(alpha < 24 ? 0 : alpha);
            if (alpha > 0)
            {
                // Undo the paper's contribution: colour = 255 - (255 - c) * 255 / alpha, clamped.
                for (var c = 0; c < 3; c++)
                {
                    pixels[i + c] = (byte)Math.Clamp(255 - ((255 - pixels[i + c]) * 255 / alpha), 0, 255);
                }
            }
        }
    }
}
