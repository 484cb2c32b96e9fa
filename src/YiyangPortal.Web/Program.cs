using YiyangPortal.Web.Hosting;

// Configuration is read at start-up only: reloading on change watches the whole content root (bin, obj and the log
// folder included) with a recursive file watcher that every log line written there wakes up (issue 13, the request
// path). A changed appsettings file takes effect at the next restart, as every deployment step here restarts anyway.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
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
