using Microsoft.EntityFrameworkCore;
using Org.BouncyCastle.X509;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Seals;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Seals;
using YiyangPortal.Infrastructure.Tenancy;
using YiyangPortal.Signing.Authority;
using YiyangPortal.Signing.Keys;
using YiyangPortal.Signing.SealImages;
using YiyangPortal.Signing.Timestamping;
using YiyangPortal.Signing.Verification;
using YiyangPortal.Web.Features.Agreements;
using YiyangPortal.Web.Features.Seeding;

namespace YiyangPortal.Web.Features.Seals;

/// <summary>
/// The city's seal authority as the portal runs it (ADR 017): the tenant's root and issuing authority and its own
/// time-stamping authority, made on first need; each institution's seal (certificate and drawn image) made on first
/// need; the time-stamp client (configured URL, else the portal's own); what the verifier trusts; the revocation
/// lists. Keys go to the tenant's <see cref="PostgresSealKeyStore"/> with the caller's unit of work. The clock is
/// the caller's (the seeding's clock dates demo signatures in the past).
/// </summary>
public sealed class SealAuthority(
    PortalDbContext db, SealSettings settings, ITenantContext tenant, VerificationLinks links, SealImageRenderer images,
    IHttpClientFactory http)
{
    /// <summary>How long a revocation list is valid: the portal makes a fresh one on every request.</summary>
    private static readonly TimeSpan CrlValidity = TimeSpan.FromDays(7);

    private LocalTimestampAuthority? _localTsa;

    public ISealKeyStore Store { get; } = new PostgresSealKeyStore(db);

    public ISigningKeyProvider Keys => new LocalSigningKeyProvider(Store, settings.Protector);

    public async Task<TenantSealAuthority> EnsureAuthorityAsync(TimeProvider clock)
    {
        var tenantId = tenant.TenantId ?? throw new InvalidOperationException("A seal authority belongs to a tenant.");
        if (db.SealAuthorities.Local.FirstOrDefault(a => a.TenantId == tenantId) is { } local)
        {
            return local;
        }

        if (await db.SealAuthorities.AsNoTracking().FirstOrDefaultAsync(a => a.TenantId == tenantId) is { } stored)
        {
            return stored;
        }

        var issuing = IssuingClock(clock);
        var algorithm = settings.AlgorithmOf(tenant.Slug);
        var ca = new SealCertificateAuthority(Store, settings.Protector, issuing);
        var created = await ca.CreateAuthorityAsync(new AuthoritySetup(tenant.Name ?? tenant.Slug ?? "城市", algorithm, links.Crl("root")));
        var timestampKeyId = Guid.NewGuid();
        await LocalTimestampAuthority.LoadOrCreateAsync(Store, settings.Protector, timestampKeyId, issuing);
        var authority = new TenantSealAuthority(tenantId, algorithm, created.RootId, created.IssuingId, timestampKeyId, issuing.GetUtcNow());
        db.SealAuthorities.Add(authority);
        return authority;
    }

    /// <summary>The institution's seal, issued (certificate and drawn round seal) on first need.</summary>
    public async Task<InstitutionSeal> EnsureSealAsync(AgreementParty party, Guid institutionId, TimeProvider clock)
    {
        if (await FindSealAsync(party, institutionId) is { } existing)
        {
            return existing;
        }

        var (name, creditCode) = await InstitutionAsync(party, institutionId);
        var authority = await EnsureAuthorityAsync(clock);
        var (keyId, certificate) = await IssueAsync(authority, name, creditCode, clock);
        var seal = new InstitutionSeal(
            authority.TenantId, party, institutionId, keyId, authority.Algorithm.ToString(), certificate.SubjectDN.ToString(),
            Serial(certificate), new DateTimeOffset(certificate.NotBefore, TimeSpan.Zero),
            new DateTimeOffset(certificate.NotAfter, TimeSpan.Zero), DrawnImage(name, creditCode), IssuingClock(clock).GetUtcNow());
        db.InstitutionSeals.Add(seal);
        return seal;
    }

    /// <summary>
    /// 吊销并重新签发: revokes the seal's certificate (it is listed in the issuing authority's next revocation list) and
    /// issues a new key and certificate for the same institution, under its current registered name. Seals applied
    /// before stay valid: their time stamps prove they were made before the revocation. Returns the old serial.
    /// </summary>
    public async Task<string> RevokeAndReissueAsync(InstitutionSeal seal, string reason, TimeProvider clock)
    {
        var authority = await EnsureAuthorityAsync(clock);
        await new SealCertificateAuthority(Store, settings.Protector, clock).RevokeAsync(seal.KeyId, InstitutionSeal.RevocationReason(reason));
        var (name, creditCode) = await InstitutionAsync(seal.Party, seal.InstitutionId);
        var (keyId, certificate) = await IssueAsync(authority, name, creditCode, clock);
        var old = seal.CertificateSerial;
        seal.Reissue(keyId, certificate.SubjectDN.ToString(), Serial(certificate),
            new DateTimeOffset(certificate.NotBefore, TimeSpan.Zero), new DateTimeOffset(certificate.NotAfter, TimeSpan.Zero));
        return old;
    }

    /// <summary>
    /// The revoked seal certificate of a serial (hex) the city's issuing authority issued, or null: the certificate a
    /// seal had before it was reissued (吊销并重新签发).
    /// </summary>
    public async Task<byte[]?> IssuedCertificateAsync(string serial)
    {
        var tenantId = tenant.TenantId;
        if (await db.SealAuthorities.AsNoTracking().FirstOrDefaultAsync(a => a.TenantId == tenantId) is not { } authority)
        {
            return null;
        }

        return (await Store.ListRevokedIssuedByAsync(authority.IssuingKeyId)).Select(k => k.Certificate)
            .FirstOrDefault(der => Serial(new X509Certificate(der)) == serial);
    }

    private async Task<(Guid KeyId, X509Certificate Certificate)> IssueAsync(
        TenantSealAuthority authority, string name, string? creditCode, TimeProvider clock)
    {
        var ca = new SealCertificateAuthority(Store, settings.Protector, IssuingClock(clock));
        var issued = await ca.IssueSealAsync(
            authority.IssuingKeyId, new InstitutionSubject(name, creditCode), links.Crl("issuing"), SealValidity(clock));
        return (issued.SealId, new X509Certificate(issued.Certificate));
    }

    private static string Serial(X509Certificate certificate) => certificate.SerialNumber.ToString(16).ToUpperInvariant();

    public async Task<InstitutionSeal?> FindSealAsync(AgreementParty party, Guid institutionId) =>
        db.InstitutionSeals.Local.FirstOrDefault(s => s.Party == party && s.InstitutionId == institutionId)
        ?? await db.InstitutionSeals.FirstOrDefaultAsync(s => s.Party == party && s.InstitutionId == institutionId);

    /// <summary>The round red 公章 drawn from the registered name (and 统一社会信用代码 along the bottom, when on record).</summary>
    public byte[] DrawnImage(string name, string? creditCode) => images.Render(name, creditCode);

    public async Task<(string Name, string? CreditCode)> InstitutionAsync(AgreementParty party, Guid institutionId)
    {
        var found = party == AgreementParty.ElderCare
            ? await db.ElderCareInstitutions.Where(i => i.Id == institutionId).Select(i => new { i.Name, i.CreditCode }).SingleAsync()
            : await db.MedicalInstitutions.Where(i => i.Id == institutionId).Select(i => new { i.Name, i.CreditCode }).SingleAsync();
        return (found.Name, found.CreditCode);
    }

    /// <summary>The configured time-stamping authority, else the portal's own (its keys in the seal key store).</summary>
    public async Task<ITimestampClient> TimestampsAsync(TimeProvider clock)
    {
        if (settings.TimestampUrl is { } url)
        {
            return new HttpTimestampClient(http.CreateClient(nameof(SealAuthority)), url, settings.TimestampTimeout);
        }

        var authority = await EnsureAuthorityAsync(clock);
        return _localTsa ??= await LocalTimestampAuthority.LoadOrCreateAsync(Store, settings.Protector, authority.TimestampKeyId, clock);
    }

    /// <summary>What the verification page trusts: the city's root, the current lists of both authorities, the TSA roots.</summary>
    public async Task<VerificationTrust?> TrustAsync(TimeProvider clock)
    {
        var tenantId = tenant.TenantId;
        if (await db.SealAuthorities.AsNoTracking().FirstOrDefaultAsync(a => a.TenantId == tenantId) is not { } authority)
        {
            return null;
        }

        var root = await Store.FindAsync(authority.RootKeyId);
        var tsa = await Store.FindAsync(authority.TimestampKeyId);
        var tsaRoot = tsa?.IssuerId is { } tsaRootId ? await Store.FindAsync(tsaRootId) : null;
        var ca = new SealCertificateAuthority(Store, settings.Protector, clock);
        List<byte[]> crls =
        [
            await ca.CreateCrlAsync(authority.RootKeyId, CrlValidity),
            await ca.CreateCrlAsync(authority.IssuingKeyId, CrlValidity),
        ];
        // The portal's own TSA root, and those of a configured external authority (Portal:Seals:TimestampRootCertificates).
        List<byte[]> timestampRoots = [.. settings.TimestampRoots];
        if (tsaRoot is not null)
        {
            timestampRoots.Add(tsaRoot.Certificate);
        }

        return new VerificationTrust([root!.Certificate], crls, timestampRoots);
    }

    /// <summary>The city's root certificate (DER), or null before the first seal was made.</summary>
    public async Task<byte[]?> RootCertificateAsync()
    {
        var tenantId = tenant.TenantId;
        var authority = await db.SealAuthorities.AsNoTracking().FirstOrDefaultAsync(a => a.TenantId == tenantId);
        return authority is null ? null : (await Store.FindAsync(authority.RootKeyId))?.Certificate;
    }

    /// <summary>The chain of a seal: its certificate, the issuing authority's, the root's (DER).</summary>
    public async Task<IReadOnlyList<byte[]>> ChainAsync(Guid keyId) => (await Keys.GetCertificateAsync(keyId)).Chain;

    /// <summary>The revocation list (DER) of the root (<paramref name="root"/>) or of the issuing authority.</summary>
    public async Task<byte[]?> CrlAsync(bool root, TimeProvider clock)
    {
        var tenantId = tenant.TenantId;
        if (await db.SealAuthorities.AsNoTracking().FirstOrDefaultAsync(a => a.TenantId == tenantId) is not { } authority)
        {
            return null;
        }

        var ca = new SealCertificateAuthority(Store, settings.Protector, clock);
        return await ca.CreateCrlAsync(root ? authority.RootKeyId : authority.IssuingKeyId, CrlValidity);
    }

    // Demo and test agreements are dated in the past, in any order (SeedClock): their authority and seals are made as
    // of five years back, so every seeded signature falls inside the certificates' validity. A real signature's seal
    // is issued at the moment of its first use.
    private static TimeProvider IssuingClock(TimeProvider clock) =>
        clock is SeedClock seed ? new FixedClock(seed.Latest.AddYears(-5)) : clock;

    private static TimeSpan? SealValidity(TimeProvider clock) => clock is SeedClock ? TimeSpan.FromDays(8 * 365) : null;

    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }
}
