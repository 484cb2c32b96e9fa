using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Signing.Timestamping;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Seals;

/// <summary>
/// An RFC 3161 time-stamping authority outside the portal, over HTTP (a city's own TSA or a commercial one): its own
/// root, which the portal does not issue.
/// </summary>
public sealed class ExternalTimestampAuthority : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly LocalTimestampAuthority _tsa = new(TimeProvider.System);

    public ExternalTimestampAuthority()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/tsa/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public string RootPem => new(System.Security.Cryptography.PemEncoding.Write("CERTIFICATE", _tsa.RootCertificate));

    public int Answered { get; private set; }

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var query = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(query);
            var reply = _tsa.Respond(query.ToArray());
            Answered++;
            context.Response.ContentType = "application/timestamp-reply";
            await context.Response.OutputStream.WriteAsync(reply);
            context.Response.Close();
        }
    }
}

/// <summary>A portal that time-stamps with <see cref="ExternalTimestampAuthority"/> and trusts its root for verification.</summary>
public sealed class ExternalTimestampPortal : PortalAppFactory
{
    public ExternalTimestampAuthority Tsa { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Seals:TimestampUrl", Tsa.Url);
        builder.UseSetting("Portal:Seals:TimestampRootCertificates", Tsa.RootPem);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Tsa.Dispose();
    }
}

/// <summary>
/// Issue 14: with an external time-stamping authority configured (<c>Portal:Seals:TimestampUrl</c>) and its root
/// trusted (<c>Portal:Seals:TimestampRootCertificates</c>), the seals carry its time stamps and the public verification
/// page finds them trusted.
/// </summary>
public sealed class ExternalTimestampAuthorityTests(ExternalTimestampPortal app) : IClassFixture<ExternalTimestampPortal>
{
    [Fact]
    public async Task SealsAreTimeStampedByTheExternalAuthority_AndTheVerificationPageTrustsIt()
    {
        var (staff, id) = await new AgreementSteps(app).EffectiveAsync(BeijingDate.Day(-1), BeijingDate.Day(300));
        var pdf = await (await staff.GetAsync($"/shaoxing/agreements/{id}/pdf")).Content.ReadAsByteArrayAsync();
        var agreementId = Guid.Parse(id);
        var number = await TestData.InTenantAsync(app, TestData.Shaoxing, db =>
            db.Agreements.Where(a => a.Id == agreementId).Select(a => a.DocumentNumber).SingleAsync());

        var page = await (await PortalClient.For(app).UploadAsync($"/shaoxing/verify/{number}", $"/shaoxing/verify/{number}", "a.pdf", pdf))
            .Content.ReadAsStringAsync();

        Assert.True(app.Tsa.Answered >= 2, $"the external authority answered {app.Tsa.Answered} time(s)");
        Assert.Contains("data-testid=\"seal-verdict\">签章有效<", page, StringComparison.Ordinal);
        Assert.Contains("可信时间戳", page, StringComparison.Ordinal);
        Assert.DoesNotContain("时间戳服务不在受信任列表中", page, StringComparison.Ordinal);
    }
}
