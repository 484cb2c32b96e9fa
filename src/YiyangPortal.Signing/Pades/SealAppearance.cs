using System.IO.Compression;
using SkiaSharp;
using YiyangPortal.Signing.SealImages;

namespace YiyangPortal.Signing.Pades;

/// <summary>
/// A seal image made ready for PDF once (decoded, split into colour and alpha, each deflated): an institution's
/// appearance can be kept and reused for every signature it makes. Immutable and thread-safe.
/// </summary>
public sealed class SealAppearance
{
    private SealAppearance(int width, int height, byte[] color, byte[]? alpha)
    {
        Width = width;
        Height = height;
        Color = color;
        Alpha = alpha;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>DeviceRGB samples, zlib-deflated (FlateDecode).</summary>
    internal byte[] Color { get; }

    /// <summary>DeviceGray soft-mask samples, deflated; null when the image is opaque.</summary>
    internal byte[]? Alpha { get; }

    /// <summary>From a PNG or JPEG (e.g. <see cref="SealImageRenderer"/>'s output or a normalized scan).</summary>
    /// <exception cref="SealImageException">The bytes are not a readable image.</exception>
    public static SealAppearance FromImage(byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var decoded = SKBitmap.Decode(image) ?? throw new SealImageException("印章图片已损坏，无法读取。");
        using var rgba = new SKBitmap(new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        if (!decoded.CopyTo(rgba, SKColorType.Rgba8888))
        {
            throw new SealImageException("印章图片已损坏，无法读取。");
        }
        var pixels = rgba.GetPixelSpan();
        var count = rgba.Width * rgba.Height;
        var color = new byte[count * 3];
        var alpha = new byte[count];
        var opaque = true;
        for (var i = 0; i < count; i++)
        {
            color[i * 3] = pixels[i * 4];
            color[(i * 3) + 1] = pixels[(i * 4) + 1];
            color[(i * 3) + 2] = pixels[(i * 4) + 2];
            alpha[i] = pixels[(i * 4) + 3];
            opaque &= alpha[i] == 255;
        }
        return new SealAppearance(rgba.Width, rgba.Height, Deflate(color), opaque ? null : Deflate(alpha));
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(data);
        }
        return output.ToArray();
    }
}
