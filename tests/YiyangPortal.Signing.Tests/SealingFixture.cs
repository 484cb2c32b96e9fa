using YiyangPortal.Documents;
using YiyangPortal.Documents.Tests;
using YiyangPortal.Signing.Authority;
using YiyangPortal.Signing.Crypto;
using YiyangPortal.Signing.Keys;
using YiyangPortal.Signing.Pades;
using YiyangPortal.Signing.SealImages;
using YiyangPortal.Signing.Timestamping;

namespace YiyangPortal.Signing.Tests;

/// <summary>
/// A tenant's authority with the two sample institutions' seals, the in-process TSA, the renderer and the seal
/// images: what the portal holds once set up. One per algorithm; built once per test class.
/// </summary>
public class SealingFixture : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 2, 27, 9, 15, 0, TimeSpan.FromHours(8));

    public SealingFixture()
        : this(SealAlgorithm.EcdsaP256)
    {
    }

    protected SealingFixture(SealAlgorithm algorithm)
    {
        Algorithm = algorithm;
        Clock = new ManualClock(Start.AddDays(-30));
        Store = new InMemorySealKeyStore();
        Protector = new SealKeyProtector(SealKeyProtector.NewMasterKey());
        Authority = new SealCertificateAuthority(Store, Protector, Clock);
        Tenant = Authority.CreateAuthorityAsync(new AuthoritySetup("绍兴市", algorithm, "https://yiyang.example.cn/shaoxing/ca/root.crl"))
            .GetAwaiter().GetResult();
        var model = SampleAgreements.SignedConsortium();
        ElderCareSeal = Issue(model.ElderCareParty.Name, "91330602MA2BD6XK1B");
        MedicalSeal = Issue(model.MedicalParty.Name, "12330602470117532F");
        Clock.Now = Start;
        Timestamps = new LocalTimestampAuthority(Clock);
        Keys = new LocalSigningKeyProvider(Store, Protector);
        Signer = new PadesSigner(Keys, Timestamps, Clock);
        Renderer = new AgreementPdfRenderer();
        Images = new SealImageRenderer();
        ElderCareImage = Images.Render(model.ElderCareParty.Name, "91330602MA2BD6XK1B");
        MedicalImage = Images.Render(model.MedicalParty.Name, "12330602470117532F");
    }

    public SealAlgorithm Algorithm { get; }

    public ManualClock Clock { get; }

    public InMemorySealKeyStore Store { get; }

    public SealKeyProtector Protector { get; }

    public SealCertificateAuthority Authority { get; }

    public TenantAuthority Tenant { get; }

    public IssuedSeal ElderCareSeal { get; }

    public IssuedSeal MedicalSeal { get; }

    public LocalTimestampAuthority Timestamps { get; }

    public LocalSigningKeyProvider Keys { get; }

    public PadesSigner Signer { get; }

    public AgreementPdfRenderer Renderer { get; }

    public SealImageRenderer Images { get; }

    public byte[] ElderCareImage { get; }

    public byte[] MedicalImage { get; }

    public string IssuingCrlUrl => "https://yiyang.example.cn/shaoxing/ca/issuing.crl";

    public IssuedSeal Issue(string name, string? creditCode, TimeSpan? validity = null) =>
        Authority.IssueSealAsync(Tenant.IssuingId, new InstitutionSubject(name, creditCode), IssuingCrlUrl, validity)
            .GetAwaiter().GetResult();

    public SealPlacement ElderCarePlacement(RenderedAgreement rendered, Guid? sealId = null) => new(
        sealId ?? ElderCareSeal.SealId, SealAppearance.FromImage(ElderCareImage), rendered.ElderCare.PageIndex,
        ToRectangle(rendered.ElderCare.Seal), "甲方签章", "绍兴市越城区颐康养老院", Location: "绍兴市");

    public SealPlacement MedicalPlacement(RenderedAgreement rendered, Guid? sealId = null) => new(
        sealId ?? MedicalSeal.SealId, SealAppearance.FromImage(MedicalImage), rendered.Medical.PageIndex,
        ToRectangle(rendered.Medical.Seal), "乙方签章", "绍兴市越城区府山街道社区卫生服务中心", Location: "绍兴市");

    public static PdfRectangle ToRectangle(PdfBox box) => new(box.Left, box.Bottom, box.Right, box.Top);

    /// <summary>The sample agreement rendered, sealed by 甲方, then by 乙方 a minute later.</summary>
    public async Task<(RenderedAgreement Rendered, byte[] First, byte[] Both)> SealBothAsync(AgreementDocumentModel model)
    {
        var rendered = Renderer.RenderWithLayout(model);
        var first = await Signer.SignAsync(rendered.Pdf, ElderCarePlacement(rendered));
        Clock.Advance(TimeSpan.FromMinutes(1));
        var both = await Signer.SignAsync(first, MedicalPlacement(rendered));
        return (rendered, first, both);
    }

    public void Dispose()
    {
        Renderer.Dispose();
        Images.Dispose();
        GC.SuppressFinalize(this);
    }
}
