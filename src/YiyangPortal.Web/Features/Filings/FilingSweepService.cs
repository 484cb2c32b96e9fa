using YiyangPortal.Infrastructure.Filings;

namespace YiyangPortal.Web.Features.Filings;

/// <summary>
/// Runs <see cref="FilingSweep"/> at start-up and then every day at 08:00 Beijing time. Every web instance runs
/// this service; the sweep's advisory lock lets one of them work and the ledger makes repeats harmless.
/// Off with <c>Portal:Sweep:Enabled=false</c> (tests call the sweep directly).
/// </summary>
public sealed class FilingSweepService(FilingSweep sweep, TimeProvider clock, ILogger<FilingSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var result = await sweep.RunAsync(clock.GetUtcNow(), stoppingToken);
                logger.LogInformation("Filing sweep: {Result}", result?.ToString() ?? "another instance holds the lock");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Filing sweep failed; it runs again at the next slot");
            }

            await Task.Delay(UntilNextRun(clock.GetUtcNow()), clock, stoppingToken);
        }
    }

    /// <summary>Time until the next 08:00 Beijing (00:00 UTC).</summary>
    internal static TimeSpan UntilNextRun(DateTimeOffset utcNow) => utcNow.UtcDateTime.Date.AddDays(1) - utcNow.UtcDateTime;
}
