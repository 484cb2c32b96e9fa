using System.Collections.Concurrent;
using YiyangPortal.Domain.Seals;
using YiyangPortal.Signing.Pades;

namespace YiyangPortal.Web.Features.Seals;

/// <summary>
/// Each institution's seal image made ready for PDF once (decoded and deflated, <see cref="SealAppearance"/>) and
/// reused for every signature it makes, until the image changes. A singleton; the cache forgets everything beyond a
/// few thousand seals.
/// </summary>
public sealed class SealAppearances
{
    private const int Capacity = 4000;
    private readonly ConcurrentDictionary<(Guid, DateTimeOffset), SealAppearance> _prepared = new();

    public SealAppearance For(InstitutionSeal seal)
    {
        ArgumentNullException.ThrowIfNull(seal);
        if (_prepared.Count > Capacity)
        {
            _prepared.Clear();
        }

        return _prepared.GetOrAdd((seal.Id, seal.ImageChangedAtUtc), _ => SealAppearance.FromImage(seal.Image));
    }
}
