using SkiaSharp;
using YiyangPortal.Signing.SealImages;

namespace YiyangPortal.Signing.Tests;

/// <summary>Drawn seals and uploaded scans.</summary>
public class SealImageTests
{
    [Fact]
    public void DrawnSeal_IsATransparentPngWithARedRingAndStar()
    {
        using var renderer = new SealImageRenderer();

        var png = renderer.Render("绍兴市越城区府山街道社区卫生服务中心", "12330602470117532F");
        ExternalTools.Artefact("seal-medical.png", png);

        Assert.True(SealImageValidator.IsPng(png));
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(360, bitmap.Width);
        Assert.Equal(0, bitmap.GetPixel(2, 2).Alpha);
        var centre = bitmap.GetPixel(180, 180);
        Assert.Equal(255, centre.Alpha);
        Assert.True(centre.Red > 200 && centre.Green < 40 && centre.Blue < 60, centre.ToString());
        var ring = bitmap.GetPixel(180, 8);
        Assert.True(ring.Alpha > 200 && ring.Red > 200, ring.ToString());
    }

    [Fact]
    public void DrawnSeal_SameNameTwice_SameBytes()
    {
        using var renderer = new SealImageRenderer();

        Assert.Equal(renderer.Render("塔山街道社区卫生服务中心"), renderer.Render("塔山街道社区卫生服务中心"));
    }

    [Fact]
    public void EmptyName_Refused()
    {
        using var renderer = new SealImageRenderer();

        var error = Assert.Throws<SealImageException>(() => renderer.Render("  "));

        Assert.Equal("机构名称为空，无法生成印章图片。", error.Message);
    }

    [Fact]
    public void UploadedJpegScan_BecomesAPngWhosePaperIsTransparent()
    {
        var jpeg = Encode(SKEncodedImageFormat.Jpeg, 400, 400, canvas =>
        {
            canvas.Clear(SKColors.White);
            using var red = new SKPaint { Color = new SKColor(0xCC, 0x10, 0x20), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 20 };
            canvas.DrawCircle(200, 200, 180, red);
        });

        var png = SealImageValidator.Normalize(jpeg);

        using var bitmap = SKBitmap.Decode(png);
        Assert.True(bitmap.GetPixel(200, 200).Alpha < 10, "paper stays visible");
        var ink = bitmap.GetPixel(200, 20);
        Assert.True(ink.Alpha > 180 && ink.Red > 150, ink.ToString());
    }

    [Theory]
    [InlineData("GIF89a", "印章图片须为 PNG 或 JPEG 格式。")]
    [InlineData("", "请选择印章图片文件。")]
    public void NotAnImage_Refused(string content, string message)
    {
        var error = Assert.Throws<SealImageException>(() => SealImageValidator.Normalize(System.Text.Encoding.ASCII.GetBytes(content)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void LargerThanOneMegabyte_Refused()
    {
        var upload = new byte[SealImageValidator.MaxBytes + 1];
        upload[0] = 0x89;

        var error = Assert.Throws<SealImageException>(() => SealImageValidator.Normalize(upload));

        Assert.Equal("印章图片不能超过 1 MB。", error.Message);
    }

    [Fact]
    public void TooSmallOrNotSquare_Refused()
    {
        var small = Encode(SKEncodedImageFormat.Png, 60, 60, c => c.Clear(SKColors.Red));
        var wide = Encode(SKEncodedImageFormat.Png, 600, 200, c => c.Clear(SKColors.Red));

        Assert.Contains("太小", Assert.Throws<SealImageException>(() => SealImageValidator.Normalize(small)).Message);
        Assert.Contains("正方形", Assert.Throws<SealImageException>(() => SealImageValidator.Normalize(wide)).Message);
    }

    [Fact]
    public void PngHeaderWithGarbage_Refused()
    {
        byte[] broken = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

        Assert.Equal("印章图片已损坏，无法读取。", Assert.Throws<SealImageException>(() => SealImageValidator.Normalize(broken)).Message);
    }

    private static byte[] Encode(SKEncodedImageFormat format, int width, int height, Action<SKCanvas> draw)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        draw(surface.Canvas);
        using var image = surface.Snapshot();
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
