using System.IO.Compression;
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
        using var rgba = RgbaDecoder.Decode(image);
        var pixels = rgba.GetPixelSpan();
        var count = rgba.Width * rgba.Height;
        var color = new byte[count * 3];
        var alpha = new byte[count];
        var opaque = true;
        int? single = null;
        var oneColour = true;
        for (var i = 0; i < count; i++)
        {
            alpha[i] = pixels[(i * 4) + 3];
            opaque &= alpha[i] == 255;
            var rgb = pixels[i * 4] << 16 | pixels[(i * 4) + 1] << 8 | pixels[(i * 4) + 2];
            if (alpha[i] == 255)
            {
                oneColour &= (single ??= rgb) == rgb;
            }
            // A fully transparent pixel's colour is never seen: repeat the previous one, so runs stay runs.
            var from = alpha[i] == 0 && i > 0 ? (i - 1) * 3 : -1;
            for (var c = 0; c < 3; c++)
            {
                color[(i * 3) + c] = from >= 0 ? color[from + c] : pixels[(i * 4) + c];
            }
        }
        // A drawn seal is one colour; its anti-aliased edges differ only by rounding. One colour for every pixel
        // (the alpha plane carries the shape) deflates the colour plane to a few hundred bytes.
        if (oneColour && single is { } only && !opaque)
        {
            for (var i = 0; i < count; i++)
            {
                color[i * 3] = (byte)(only >> 16);
                color[(i * 3) + 1] = (byte)(only >> 8);
                color[(i * 3) + 2] = (byte)only;
            }
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
