using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using YiyangPortal.Domain.Common;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.Institutions;

/// <summary>Small pieces both institution registers (and the import) use.</summary>
internal static class InstitutionAdmin
{
    public static async Task<List<CountyOption>> CountyOptionsAsync(this PortalDbContext db) =>
        await db.Counties.AsNoTracking().OrderBy(c => c.DivisionCode).Select(c => new CountyOption(c.Id, c.Name)).ToListAsync();

    /// <summary>Runs a domain change; a broken rule becomes a form-level message instead of an error page.</summary>
    public static T? TryApply<T>(this ModelStateDictionary modelState, IStringLocalizer localizer, Func<T> apply)
        where T : class
    {
        try
        {
            return apply();
        }
        catch (DomainException e)
        {
            modelState.AddModelError(string.Empty, localizer.Message(e));
            return null;
        }
    }
}
