using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Seals;

namespace YiyangPortal.IntegrationTests.Seals;

/// <summary>Issue 14, bad input: a signature whose seal cannot be applied is refused, and nothing is stored.</summary>
public sealed class SealingRefusedTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly AgreementSteps _steps = new(app);

    [Fact]
    public async Task AUserWithoutSealRights_IsRefused_AndNothingIsStored()
    {
        var (_, _, id) = await _steps.AcceptedAsync(BeijingDate.Day(-1), BeijingDate.Day(300));
        var newcomer = await _steps.AccountAsync("newcomer@fule.test", "ElderCareStaff", "ElderCareInstitutionId", "越城区福乐养老院");

        var response = await AgreementSteps.SignAsync(newcomer, id, "李新", "护理部主任");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(AgreementSealing.NotAuthorisedMessage, page, StringComparison.Ordinal);
        Assert.Contains("value=\"护理部主任\"", page, StringComparison.Ordinal);
        await AgreementSteps.AssertNothingStoredAsync(app, id);
    }
}

/// <summary>A portal whose time-stamping authority does not answer (nothing listens on its port).</summary>
public sealed class SilentTimestampPortal : PortalAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Seals:TimestampUrl", "http://127.0.0.1:9/tsa");
        builder.UseSetting("Portal:Seals:TimestampTimeoutSeconds", "3");
    }
}

public sealed class TimestampAuthorityDownTests(SilentTimestampPortal app) : IClassFixture<SilentTimestampPortal>
{
    [Fact]
    public async Task TheTimestampAuthorityDoesNotAnswer_TheSignatureIsRefused_AndNothingIsStored()
    {
        var (_, clinic, id) = await new AgreementSteps(app).AcceptedAsync(BeijingDate.Day(-1), BeijingDate.Day(300));

        var response = await AgreementSteps.SignAsync(clinic, id, "陈明", "主任");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("时间戳服务暂时不可用", page, StringComparison.Ordinal);
        Assert.Contains("value=\"主任\"", page, StringComparison.Ordinal);
        await AgreementSteps.AssertNothingStoredAsync(app, id);
    }
}
