using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Seeding;

namespace YiyangPortal.Web.Hosting;

/// <summary>The command-line steps of the app: <c>migrate</c> and <c>seed</c>. Each runs once and exits.</summary>
internal static class PortalCommands
{
    public static bool IsCommand(string argument) => !argument.StartsWith('-');

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var configuration = app.Configuration;
        switch (args[0])
        {
            case "migrate":
                var owner = configuration.GetConnectionString("PortalMigrations");
                if (string.IsNullOrWhiteSpace(owner))
                {
                    owner = PortalServices.RequireConnectionString(configuration);
                }

                await DatabaseMigrator.MigrateAsync(owner, configuration["Database:AppRole"], CancellationToken.None);
                Console.WriteLine("Database migrated.");
                return 0;

            case "seed":
                var started = System.Diagnostics.Stopwatch.StartNew();
                var result = await app.Services.GetRequiredService<DemoSeeder>()
                    .SeedAsync(configuration["YIYANG_DEMO_PASSWORD"], CancellationToken.None);
                Console.WriteLine($"Demo data: {result.Agreements} agreements built through the workflow in {started.Elapsed.TotalSeconds:0.0} s.");
                PrintAccounts(result);
                return 0;

            default:
                await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Use: migrate | seed | (no argument to serve)");
                return 2;
        }
    }

    private static void PrintAccounts(SeedResult result)
    {
        Console.WriteLine("Demo accounts:");
        foreach (var account in result.Accounts)
        {
            Console.WriteLine($"  {account.Email,-26} {account.Role,-15} {account.Tenant}");
        }

        if (result.GeneratedAccounts > 0)
        {
            Console.WriteLine($"  … and {result.GeneratedAccounts} accounts of the generated institutions and county bureaus (账户管理).");
        }

        Console.WriteLine(result.NewPassword is null
            ? "Password: unchanged (the accounts already existed; set at their first seeding)."
            : $"Password for the accounts created now: {result.NewPassword}");
    }
}
