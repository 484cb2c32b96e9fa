using YiyangPortal.Web.Features.Agreements;
using YiyangPortal.Web.Features.Filings;
using YiyangPortal.Web.Features.Fulfilment;

namespace YiyangPortal.Web.Features.Shared;

/// <summary>
/// The one sweep runner: at start-up and then every day at 08:00 Beijing time, the agreement sweep (terminations and
/// expiries due, which may create filings), then the filing sweep (reminders and escalations), then the monthly 履约
/// reminders (<see cref="FulfilmentSweep"/>). Every web instance
/// runs this service; each sweep's advisory lock lets one instance work and its ledger makes repeats harmless.
/// Off with <c>Portal:Sweep:Enabled=false</c> (tests call the sweeps directly).
/// </summary>
public sealed partial class DailySweepService(
    AgreementSweepService agreements, FilingSweep filings, FulfilmentSweep fulfilment, TimeProvider clock, ILogger<DailySweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await agreements.RunOnceAsync(clock.GetUtcNow(), stoppingToken);
                var result = await filings.RunAsync(clock.GetUtcNow(), stoppingToken);
                LogFilings(logger, result?.ToString() ?? "another instance holds the lock");
                var reminders = await fulfilment.RunAsync(clock.GetUtcNow(), stoppingToken);
                LogFulfilment(logger, reminders?.ToString() ?? "another instance holds the lock");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }

            await Task.Delay(UntilNextRun(clock.GetUtcNow()), clock, stoppingToken);
        }
    }

    /// <summary>Time until the next 08:00 Beijing (00:00 UTC).</summary>
    internal static TimeSpan UntilNextRun(DateTimeOffset utcNow) => utcNow.UtcDateTime.Date.AddDays(1) - utcNow.UtcDateTime;

    [LoggerMessage(Level = LogLevel.Information, Message = "Filing sweep: {Result}")]
    private static partial void LogFilings(ILogger logger, string result);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fulfilment reminders: {Result}")]
    private static partial void LogFulfilment(ILogger logger, string result);

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily sweep failed; it runs again at the next slot")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
