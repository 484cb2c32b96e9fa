using SkiaSharp;

namespace YiyangPortal.Signing.SealImages;

/// <summary>Decodes PNG/JPEG straight to unpremultiplied RGBA (what a PDF image and its soft mask need).</summary>
internal static class RgbaDecoder
{
    /// <exception cref="SealImageException">The bytes are not a readable image.</exception>
    public static SKBitmap Decode(byte[] image)
    {
        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data) ?? throw new SealImageException("印章图片已损坏，无法读取。");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            bitmap.Dispose();
            throw new SealImageException("印章图片已损坏，无法读取。");
        }
        return bitmap;
    }
}
