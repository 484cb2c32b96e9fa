using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Seeding;

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
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var seeder = scope.ServiceProvider.GetRequiredService<DemoDataSeeder>();
                    var result = await seeder.SeedAsync(configuration["YIYANG_DEMO_PASSWORD"], CancellationToken.None);
                    await scope.ServiceProvider.GetRequiredService<Features.Agreements.DemoAgreements>().SeedAsync(CancellationToken.None);
                    PrintAccounts(result);
                }

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

        Console.WriteLine(result.NewPassword is null
            ? "Password: unchanged (the accounts already existed; set at their first seeding)."
            : $"Password for the accounts created now: {result.NewPassword}");
    }
}
