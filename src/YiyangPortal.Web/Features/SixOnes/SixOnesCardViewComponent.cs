using Microsoft.AspNetCore.Mvc;
using YiyangPortal.Domain.Common;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.SixOnes;

/// <summary>The 六个一 card on the home's 工作台 (one line in its view), linking to the page that fixes what is missing.</summary>
public sealed class SixOnesCardViewComponent(PortalDbContext db, SixOnesQuery query, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid homeId)
    {
        var six = await query.ForAsync(db.ElderCareInstitutions.Where(i => i.Id == homeId), clock.TodayInBeijing(), HttpContext.RequestAborted);
        return six.Count == 0 ? Content(string.Empty) : View("~/Features/SixOnes/_Card.cshtml", six[0]);
    }
}
