using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;

namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// What the caller copies from the tenant's catalogue and fee schedule when a service item is added. The
/// agreement keeps these values as they were: later changes to the catalogue or 收费标准 never alter a drafted or
/// signed agreement.
/// </summary>
/// <param name="FeeScheduleEntryId">The fee-schedule entry the price came from; null when no price applies.</param>
/// <param name="UnitPrice">元 per unit; null when the item is free to the elder (e.g. 基本公共卫生) or priced later.</param>
/// <param name="Clause">The clause the item is bound to by its catalogue code (<see cref="TemplateClause"/>), if any.</param>
public sealed record ServiceItemSnapshot(
    Guid ServiceItemId,
    Guid? FeeScheduleEntryId,
    ServiceCategory Category,
    string Name,
    ServiceUnit Unit,
    Funding Funding,
    Money? UnitPrice,
    TemplateClause? Clause = null)
{
    /// <summary>The catalogue item at the price a fee-schedule entry gives it: how every caller adds an item.</summary>
    public static ServiceItemSnapshot Of(ServiceItem item, ServicePrice price) =>
        new(item.Id, price.Id, item.Category, item.Name, price.Unit, price.Funding, price.Price,
            TemplateClauses.ForCatalogueCode(item.Code));
}
