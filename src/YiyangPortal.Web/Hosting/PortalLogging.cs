using Serilog;
using Serilog.Formatting.Compact;

namespace YiyangPortal.Web.Hosting;

internal static class PortalLogging
{
    /// <summary>
    /// Structured logs to the console and a daily rolling JSON file. Nothing logs request bodies, query strings,
    /// passwords or e-mail addresses: sign-in events carry the user id only.
    /// Both sinks sit behind one background writer (Serilog.Sinks.Async): request threads only queue the event. Written
    /// synchronously, every request's log line took the console's and the file's lock, and at 16 concurrent requests
    /// the threads spun on those locks (issue 13, the request path; docs/performance.md). The queue holds 10,000
    /// events; when it is full a request waits rather than an event being dropped, and the host flushes it on shutdown.
    /// </summary>
    public static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        var logFile = builder.Configuration["Portal:LogFile"];
        builder.Services.AddSerilog((services, logger) =>
        {
            // Levels (and per-namespace overrides) come from the "Serilog" configuration section.
            logger.ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .WriteTo.Async(sinks =>
                {
                    sinks.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
                    if (!string.IsNullOrWhiteSpace(logFile))
                    {
                        sinks.File(new CompactJsonFormatter(), logFile, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 30, buffered: true, flushToDiskInterval: TimeSpan.FromSeconds(1));
                    }
                }, bufferSize: 10_000, blockWhenFull: true);
        });
    }
}
