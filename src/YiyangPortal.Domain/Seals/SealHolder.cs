using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Seals;

/// <summary>
/// A user authorised to apply the institution's seal (用印权限, issue 14): only these users' signatures are sealed.
/// Granted and withdrawn by the institution's seal keepers (users who hold the right themselves); withdrawing
/// deletes the row, the seal-use ledger keeps what was done with it.
/// </summary>
public sealed class SealHolder : ITenantOwned
{
    private SealHolder()
    {
    }

    public SealHolder(Guid tenantId, AgreementParty party, Guid institutionId, Guid userId, Guid? grantedBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        Party = party;
        InstitutionId = institutionId;
        UserId = userId;
        GrantedBy = grantedBy;
        GrantedAtUtc = at;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public AgreementParty Party { get; private set; }

    public Guid InstitutionId { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>Who granted it (null for the institution's first account and the demo seed).</summary>
    public Guid? GrantedBy { get; private set; }

    public DateTimeOffset GrantedAtUtc { get; private set; }
}
