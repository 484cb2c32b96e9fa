using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Catalogue;

/// <summary>
/// The outcome of checking a provider against a service item: refusals block publishing or agreeing the item;
/// warnings are shown but do not block (the guide recommends rather than requires).
/// </summary>
public sealed record Eligibility(IReadOnlyList<DomainMessage> Refusals, IReadOnlyList<DomainMessage> Warnings)
{
    public static Eligibility Allowed { get; } = new([], []);

    public bool IsAllowed => Refusals.Count == 0;
}
