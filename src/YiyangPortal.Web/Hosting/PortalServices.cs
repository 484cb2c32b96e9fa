using System.Text.Encodings.Web;
using System.Text.Unicode;
using FluentValidation;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using YiyangPortal.Infrastructure;
using YiyangPortal.Infrastructure.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Filings;
using YiyangPortal.Web.Security;
using YiyangPortal.Web.Tenancy;
using YiyangPortal.Web.Validation;

namespace YiyangPortal.Web.Hosting;

internal static class PortalServices
{
    public static string RequireConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Portal") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "ConnectionStrings:Portal is not set (environment variable ConnectionStrings__Portal). `make run` sets it.");

    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPortalInfrastructure(RequireConnectionString(configuration));
        services.Configure<TenancyOptions>(configuration.GetSection(TenancyOptions.Section));
        services.AddMemoryCache();
        services.AddSingleton<TenantCatalog>();

        services.Configure<PortalSessionOptions>(configuration.GetSection(PortalSessionOptions.Section));
        AddIdentity(services, configuration.GetValue("Portal:SecureCookies", true), configuration.GetSection(PortalSessionOptions.Section).Get<PortalSessionOptions>() ?? new PortalSessionOptions());
        services.AddPortalRateLimits(configuration);

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add<FluentValidationFilter>();
                options.ModelBinderProviders.Insert(0, new LenientNumberBinderProvider());
                options.ModelBinderProviders.Insert(0, new NulFreeStringBinderProvider());
            })
            .AddViewLocalization();
        services.AddSingleton<IConfigureOptions<MvcOptions>, BindingMessages>();
        services.Configure<RazorViewEngineOptions>(options =>
        {
            // Feature folders: a feature's controller, models and views live together under Features/<Name>/.
            options.ViewLocationFormats.Clear();
            options.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
            options.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
        });

        // Emit Chinese as characters, not &#x...; entities: pages stay readable and about a third the size.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        if (configuration.GetValue("Portal:BehindProxy", false))
        {
            // Behind the deployment's TLS proxy: take scheme and client IP from X-Forwarded-*. Only for an app that
            // is reachable through the proxy alone, since any sender is trusted.
            services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                options.KnownIPNetworks.Clear();
                options.KnownProxies.Clear();
            });
        }

        // No "Server: Kestrel" header (ASVS 14.3.3: responses do not name the server's software).
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => AuditKeys.Load(configuration));
        services.AddSingleton(_ => new YiyangPortal.Documents.AgreementPdfRenderer(new YiyangPortal.Documents.AgreementPdfOptions
        {
            RegularFontPath = configuration["Portal:Fonts:Regular"] ?? "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
            BoldFontPath = configuration["Portal:Fonts:Bold"] ?? "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
        }));
        services.Configure<YiyangPortal.Infrastructure.Notifications.MailOptions>(configuration.GetSection(YiyangPortal.Infrastructure.Notifications.MailOptions.Section));
        services.AddSingleton<YiyangPortal.Infrastructure.Notifications.IMailSender, YiyangPortal.Infrastructure.Notifications.MailSender>();
        services.AddHttpContextAccessor();

        // Electronic seals (issue 14, ADR 017): the key-encryption key from configuration, the city's authority and
        // the seals in PostgreSQL, the drawn seal and the signer text painted once per font.
        services.AddSingleton(_ => Features.Seals.SealSettings.Load(configuration));
        services.AddSingleton(_ => new YiyangPortal.Signing.SealImages.SealImageRenderer());
        services.AddSingleton(_ => new YiyangPortal.Signing.Pades.SealCaptionPainter(
            configuration["Portal:Fonts:Regular"] ?? "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"));
        services.AddSingleton<Features.Seals.SealAppearances>();
        services.AddHttpClient(nameof(Features.Seals.SealAuthority));
        services.AddScoped<Features.Seals.SealAuthority>();
        services.AddScoped<Features.Seals.AgreementSealing>();
        services.AddScoped<Features.Agreements.VerificationLinks>();
        services.AddScoped<Features.Agreements.AgreementNotifier>();
        services.AddScoped<Features.Agreements.AgreementWorkflow>();
        services.AddScoped<Features.Agreements.AgreementDetails>();
        services.AddScoped<Features.Inbox.UnreadCount>();
        services.AddScoped<Features.SixOnes.SixOnesQuery>();
        services.AddScoped<Features.FulfilmentReports.FulfilmentReportQuery>();
        services.AddScoped<Features.Roster.StaffRoster>();
        services.AddScoped<Features.Agreements.AgreementTodos>();
        services.AddScoped<Features.Todo.TodoQuery>();
        services.AddScoped<Features.Agreements.AgreementSweep>();
        services.AddSingleton<Features.Seeding.DemoSeeder>();
        services.AddSingleton<Features.Agreements.AgreementSweepService>();
        services.AddScoped<FilingCreator>();
        services.AddScoped<FilingWorkflow>();
        services.AddScoped<Features.Fulfilment.FulfilmentWorkflow>();
        services.AddScoped<Features.Fees.FeesWorkflow>();
        services.AddScoped<YiyangPortal.Web.Features.Dashboard.DashboardQuery>();
        services.AddScoped<YiyangPortal.Web.Features.FulfilmentOversight.FulfilmentOversightQuery>();
        services.AddSingleton<FilingSweep>();
        services.AddSingleton<Features.Fulfilment.FulfilmentSweep>();
        if (configuration.GetValue("Portal:Sweep:Enabled", true))
        {
            services.AddHostedService<Features.Shared.DailySweepService>();
        }

        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database", tags: ["ready"]);
        return services;
    }

    private static void AddIdentity(IServiceCollection services, bool secureCookies, PortalSessionOptions sessions)
    {
        var securePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.Configure<IdentityOptions>(options =>
        {
            // OWASP ASVS 4.0 V2.1: at least 12 characters, at most 128, no composition rules.
            options.Password.RequiredLength = 12;
            options.Password.RequireDigit = false;
            options.Password.RequireLowercase = false;
            options.Password.RequireUppercase = false;
            options.Password.RequireNonAlphanumeric = false;
            options.Password.RequiredUniqueChars = 1;
            options.Lockout.AllowedForNewUsers = true;
            options.Lockout.MaxFailedAccessAttempts = 5;
            options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            options.User.RequireUniqueEmail = false; // unique per tenant by the (tenant_id, user name) index
        });
        services.AddScoped<IUserClaimsPrincipalFactory<PortalUser>, PortalClaimsPrincipalFactory>();
        services.AddScoped<IPasswordValidator<PortalUser>, MaximumLengthPasswordValidator>();
        services.AddSingleton<CommonPasswords>();
        services.AddScoped<IPasswordValidator<PortalUser>, PasswordScreening>();
        services.AddSingleton<SessionStamps>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddPortalAuthorization();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "yiyang.auth";
            options.Cookie.Path = "/"; // one cookie for all tenants; TenantCookieValidator is the wall
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = securePolicy;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(sessions.IdleMinutes); // idle timeout; SessionStamps adds the absolute one
            options.SlidingExpiration = true;
            options.LoginPath = "/login";
            options.LogoutPath = "/logout";
            options.AccessDeniedPath = "/error/403";
            options.Events = new CookieAuthenticationEvents
            {
                // Tenant, then the server-side session check (SessionStamps) on every request.
                OnValidatePrincipal = TenantCookieValidator.ValidateAsync,
                OnRedirectToLogin = PublicRedirects.Redirect,
                OnRedirectToLogout = PublicRedirects.Redirect,
                OnRedirectToAccessDenied = PublicRedirects.Redirect,
                OnRedirectToReturnUrl = PublicRedirects.Redirect,
            };
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "yiyang.csrf";
            // One cookie for the whole site. Left to default, its path follows PathBase (/shaoxing), and a root
            // request (e.g. /favicon.ico re-executed to the 404 page) sets a second cookie at "/" that shadows it.
            options.Cookie.Path = "/";
            options.Cookie.SecurePolicy = securePolicy;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
    }
}
