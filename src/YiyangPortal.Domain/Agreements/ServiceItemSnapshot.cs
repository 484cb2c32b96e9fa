using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// What the caller copies from the tenant's catalogue and fee schedule when a service item is added. The
/// agreement keeps these values as they were: later changes to the catalogue or 收费标准 never alter a drafted or
/// signed agreement.
/// </summary>
/// <param name="FeeScheduleEntryId">The fee-schedule entry the price came from; null when no price applies.</param>
/// <param name="UnitPrice">元 per unit; null when the item is free to the elder (e.g. 基本公共卫生) or priced later.</param>
public sealed record ServiceItemSnapshot(
    Guid ServiceItemId,
    Guid? FeeScheduleEntryId,
    ServiceCategory Category,
    string Name,
    ServiceUnit Unit,
    Funding Funding,
    Money? UnitPrice);
