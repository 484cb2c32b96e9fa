namespace YiyangPortal.Domain.Fulfilment;

/// <summary>
/// What the medical institution enters for one delivery. Nullable where a form may leave a field empty, so that every
/// missing or wrong value gets its message next to its field (<see cref="ServiceRecord.Problems"/>).
/// </summary>
/// <param name="AgreementItemId">The agreed 服务项目.</param>
/// <param name="ServiceDate">The Beijing day the service was given.</param>
/// <param name="StaffMemberId">Who gave it, from the institution's 人员名册.</param>
/// <param name="ResidentsServed">服务人数: a count, never names (PIPL).</param>
/// <param name="DurationMinutes">服务时长 in minutes.</param>
/// <param name="Notes">备注, free text screened for identity and phone numbers.</param>
public sealed record ServiceDelivery(
    Guid AgreementItemId,
    DateOnly? ServiceDate,
    Guid StaffMemberId,
    int? ResidentsServed,
    int? DurationMinutes,
    string? Notes);
