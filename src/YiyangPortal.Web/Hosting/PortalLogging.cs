using Serilog;
using Serilog.Formatting.Compact;

namespace YiyangPortal.Web.Hosting;

internal static class PortalLogging
{
    /// <summary>
    /// Structured logs to the console and a daily rolling JSON file. Nothing logs request bodies, query strings,
    /// passwords or e-mail addresses: sign-in events carry the user id only.
    /// </summary>
    public static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        var logFile = builder.Configuration["Portal:LogFile"];
        builder.Services.AddSerilog((services, logger) =>
        {
            // Levels (and per-namespace overrides) come from the "Serilog" configuration section.
            logger.ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            if (!string.IsNullOrWhiteSpace(logFile))
            {
                logger.WriteTo.File(new CompactJsonFormatter(), logFile, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 30);
            }
        });
    }
}
