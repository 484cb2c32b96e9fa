using YiyangPortal.Documents.Tests;
using YiyangPortal.Signing.Authority;
using YiyangPortal.Signing.Keys;
using YiyangPortal.Signing.Pades;
using YiyangPortal.Signing.SealImages;
using YiyangPortal.Signing.Timestamping;

namespace YiyangPortal.Documents.Benchmarks;

/// <summary>
/// What the portal holds once set up: a tenant authority (ECDSA P-256) with the two sample institutions' seals,
/// their seal appearances (prepared once per institution and kept), the in-process TSA and the signer.
/// </summary>
public sealed class SealingSetup : IDisposable
{
    private readonly SealAppearance _elderCareAppearance;
    private readonly SealAppearance _medicalAppearance;
    private readonly IssuedSeal _elderCare;
    private readonly IssuedSeal _medical;

    public SealingSetup()
    {
        var store = new InMemorySealKeyStore();
        var protector = new SealKeyProtector(SealKeyProtector.NewMasterKey());
        var authority = new SealCertificateAuthority(store, protector, TimeProvider.System);
        var tenant = authority.CreateAuthorityAsync(new AuthoritySetup("绍兴市")).GetAwaiter().GetResult();
        var model = SampleAgreements.SignedConsortium();
        _elderCare = authority.IssueSealAsync(tenant.IssuingId, new InstitutionSubject(model.ElderCareParty.Name, "91330602MA2BD6XK1B"))
            .GetAwaiter().GetResult();
        _medical = authority.IssueSealAsync(tenant.IssuingId, new InstitutionSubject(model.MedicalParty.Name, "12330602470117532F"))
            .GetAwaiter().GetResult();
        using var images = new SealImageRenderer();
        _elderCareAppearance = SealAppearance.FromImage(images.Render(model.ElderCareParty.Name, "91330602MA2BD6XK1B"));
        _medicalAppearance = SealAppearance.FromImage(images.Render(model.MedicalParty.Name, "12330602470117532F"));
        Signer = new PadesSigner(new LocalSigningKeyProvider(store, protector), new LocalTimestampAuthority(TimeProvider.System), TimeProvider.System);
    }

    public AgreementPdfRenderer Renderer { get; } = new();

    public PadesSigner Signer { get; }

    /// <summary>Render, then 甲方's seal, then 乙方's (each with its time stamp).</summary>
    public async Task<byte[]> RenderAndSealAsync(AgreementDocumentModel model)
    {
        var rendered = Renderer.RenderWithLayout(model);
        var first = await Signer.SignAsync(rendered.Pdf, Placement(_elderCare, _elderCareAppearance, rendered.ElderCare, "甲方签章", model.ElderCareParty.Name));
        return await Signer.SignAsync(first, Placement(_medical, _medicalAppearance, rendered.Medical, "乙方签章", model.MedicalParty.Name));
    }

    private static SealPlacement Placement(IssuedSeal seal, SealAppearance appearance, SignatureBlock block, string field, string name) =>
        new(seal.SealId, appearance, block.PageIndex, new PdfRectangle(block.Seal.Left, block.Seal.Bottom, block.Seal.Right, block.Seal.Top), field, name);

    public void Dispose() => Renderer.Dispose();
}
