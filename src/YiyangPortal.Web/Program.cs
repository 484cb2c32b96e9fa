using YiyangPortal.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalLogging();
builder.Services.AddPortal(builder.Configuration);

var app = builder.Build();

// `migrate` and `seed` are explicit one-shot steps (make run, the compose migrator); serving never migrates.
// (Test hosts pass "--key=value" arguments; only a bare command word selects a step.)
if (args.Length > 0 && PortalCommands.IsCommand(args[0]))
{
    return await PortalCommands.RunAsync(app, args);
}

app.UsePortal();
await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
