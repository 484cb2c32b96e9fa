using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace YiyangPortal.Web.Localization;

internal static class PortalCultures
{
    public static readonly CultureInfo[] Supported = [new("zh-CN"), new("en")];

    /// <summary>zh-CN unless the user chose English (cookie). The browser's language is deliberately ignored.</summary>
    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("zh-CN"),
            SupportedCultures = Supported,
            SupportedUICultures = Supported,
        };
        options.RequestCultureProviders.Clear();
        options.RequestCultureProviders.Add(new CookieRequestCultureProvider());
        return options;
    }
}
