using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using YiyangPortal.Documents.Tests;
using YiyangPortal.Signing.Keys;
using YiyangPortal.Signing.Pades;
using YiyangPortal.Signing.Pdf;
using YiyangPortal.Signing.Timestamping;

namespace YiyangPortal.Signing.Tests;

/// <summary>What sealing refuses, with a message a user can read, and without producing a file.</summary>
public class SealingRefusalTests(SealingFixture fixture) : IClassFixture<SealingFixture>
{
    [Fact]
    public async Task ExpiredCertificate_Refused()
    {
        var seal = fixture.Issue("绍兴市越城区过期养老院", null, TimeSpan.FromDays(1));
        var rendered = fixture.Renderer.RenderWithLayout(SampleAgreements.SignedConsortium());
        var clock = new ManualClock(fixture.Clock.Now.AddDays(3));
        var signer = new PadesSigner(fixture.Keys, fixture.Timestamps, clock);

        var error = await Assert.ThrowsAsync<SealUnavailableException>(() => signer.SignAsync(rendered.Pdf, fixture.ElderCarePlacement(rendered, seal.SealId)));

        Assert.Contains("过期", error.Message);
        Assert.Contains("不能用于签章", error.Message);
    }

    [Fact]
    public async Task RevokedCertificate_Refused()
    {
        var seal = fixture.Issue("绍兴市越城区吊销养老院", null);
        await fixture.Authority.RevokeAsync(seal.SealId, "印章遗失");
        var rendered = fixture.Renderer.RenderWithLayout(SampleAgreements.SignedConsortium());

        var error = await Assert.ThrowsAsync<SealUnavailableException>(() => fixture.Signer.SignAsync(rendered.Pdf, fixture.ElderCarePlacement(rendered, seal.SealId)));

        Assert.Contains("被吊销", error.Message);
    }

    [Fact]
    public async Task UnknownSeal_Refused()
    {
        var rendered = fixture.Renderer.RenderWithLayout(SampleAgreements.SignedConsortium());

        var error = await Assert.ThrowsAsync<SealUnavailableException>(() => fixture.Signer.SignAsync(rendered.Pdf, fixture.ElderCarePlacement(rendered, Guid.NewGuid())));

        Assert.Equal("找不到该电子印章。", error.Message);
    }

    [Fact]
    public async Task TimestampAuthorityThatDoesNotAnswer_ClearError_NothingProduced()
    {
        // A TCP listener that accepts and never replies.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/tsa");
        using var http = new HttpClient();
        var signer = new PadesSigner(fixture.Keys, new HttpTimestampClient(http, url, TimeSpan.FromSeconds(1)), fixture.Clock);
        var rendered = fixture.Renderer.RenderWithLayout(SampleAgreements.SignedConsortium());
        byte[]? result = null;

        var error = await Assert.ThrowsAsync<TimestampException>(async () =>
            result = await signer.SignAsync(rendered.Pdf, fixture.ElderCarePlacement(rendered)));

        Assert.Equal("时间戳服务在 1 秒内没有应答，签章未完成，请稍后再试。", error.Message);
        Assert.Null(result);
    }

    [Fact]
    public async Task TimestampAuthorityNotRunning_ClearError()
    {
        using var http = new HttpClient();
        var client = new HttpTimestampClient(http, new Uri("http://127.0.0.1:9/tsa"), TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<TimestampException>(() => client.GetTokenAsync(new byte[32]));

        Assert.Equal("无法连接时间戳服务，签章未完成，请稍后再试。", error.Message);
    }

    [Fact]
    public async Task DocumentChangedSinceConfirmation_Refused()
    {
        var rendered = fixture.Renderer.RenderWithLayout(SampleAgreements.SignedConsortium());
        var confirmed = SHA256.HashData(fixture.Renderer.Render(SampleAgreements.SignedProjectCooperation()));

        var error = await Assert.ThrowsAsync<DocumentChangedException>(() =>
            fixture.Signer.SignAsync(rendered.Pdf, fixture.ElderCarePlacement(rendered), confirmed));

        Assert.Contains("文件在确认后已被改动", error.Message);
    }

    [Fact]
    public async Task PdfWithCrossReferenceStream_RefusedWithAClearMessage()
    {
        var pdf = "%PDF-1.7\n1 0 obj\n<</Type /XRef /Size 2 /W [1 2 1] /Length 0>>\nstream\n\nendstream\nendobj\nstartxref\n9\n%%EOF\n"u8.ToArray();
        var rendered = fixture.Renderer.RenderWithLayout(SampleAgreements.SignedConsortium());

        var error = await Assert.ThrowsAsync<UnsupportedPdfException>(() => fixture.Signer.SignAsync(pdf, fixture.ElderCarePlacement(rendered)));

        Assert.Contains("交叉引用流", error.Message);
    }

    [Fact]
    public async Task SameFieldNameTwice_Refused()
    {
        var rendered = fixture.Renderer.RenderWithLayout(SampleAgreements.SignedConsortium());
        var once = await fixture.Signer.SignAsync(rendered.Pdf, fixture.ElderCarePlacement(rendered));

        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Signer.SignAsync(once, fixture.ElderCarePlacement(rendered)));
    }
}
