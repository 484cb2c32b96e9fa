using YiyangPortal.Documents.Tests;
using YiyangPortal.Signing.Pdf;
using YiyangPortal.Signing.Verification;

namespace YiyangPortal.Signing.Tests;

/// <summary>The portal's own verifier on sealed agreements, intact and tampered with.</summary>
public class VerifierTests(SealingFixture fixture) : IClassFixture<SealingFixture>
{
    private VerificationTrust Trust(params byte[][] crls) =>
        new([fixture.Tenant.RootCertificate], crls, [fixture.Timestamps.RootCertificate]);

    private PdfSignatureVerifier Verifier => new(fixture.Clock);

    [Fact]
    public async Task BothPartiesSealed_EverySignatureValid_SaysWhoSealedAndWhen()
    {
        var (_, _, both) = await fixture.SealBothAsync(SampleAgreements.SignedConsortium());
        var crl = await fixture.Authority.CreateCrlAsync(fixture.Tenant.IssuingId, TimeSpan.FromDays(7));

        var report = Verifier.Verify(both, Trust(crl));

        Assert.Equal("签章有效", report.Verdict.ToString());
        Assert.False(report.ChangedAfterLastSignature);
        Assert.Collection(report.Signatures,
            first =>
            {
                Assert.Equal("甲方签章", first.FieldName);
                Assert.Equal("绍兴市越城区颐康养老院", first.SignerName);
                Assert.Equal("91330602MA2BD6XK1B", first.CreditCode);
                Assert.True(first.IntegrityValid && first.CertificateTrusted && first.TimestampValid);
                Assert.Equal(RevocationStatus.Good, first.Revocation);
                Assert.False(first.CoversWholeDocument);
                Assert.False(first.ChangedAfterSigning);
                Assert.Empty(first.Problems.Select(p => p.ToString()));
            },
            second =>
            {
                Assert.Equal("乙方签章", second.FieldName);
                Assert.Equal("绍兴市越城区府山街道社区卫生服务中心", second.SignerName);
                Assert.True(second.CoversWholeDocument);
                Assert.Equal(second.ClaimedTime, second.TimestampTime);
                Assert.StartsWith("绍兴市越城区府山街道社区卫生服务中心于", second.Summary.ToString());
                Assert.Contains("可信时间戳", second.Summary.ToString());
            });
        Assert.Contains("盖章后文件未被改动。", report.Lines);
    }

    [Fact]
    public async Task OneByteChanged_BothSignaturesInvalid()
    {
        var (_, _, both) = await fixture.SealBothAsync(SampleAgreements.SignedConsortium());
        var tampered = (byte[])both.Clone();
        tampered[Array.IndexOf(tampered, (byte)'s', 2000)] ^= 0x01;

        var report = Verifier.Verify(tampered, Trust());

        Assert.Equal("签章无效", report.Verdict.ToString());
        Assert.All(report.Signatures, s =>
        {
            Assert.False(s.IntegrityValid);
            Assert.Equal("签章无效", s.Verdict.ToString());
            Assert.Contains("签章所覆盖的内容已被改动，或签章数据损坏。", s.Problems.Select(p => p.ToString()));
        });
    }

    [Fact]
    public async Task BytesAppendedAfterTheLastSeal_Reported()
    {
        var (_, _, both) = await fixture.SealBothAsync(SampleAgreements.SignedConsortium());

        var report = Verifier.Verify([.. both, .. "\n% added later\n"u8.ToArray()], Trust());

        Assert.True(report.ChangedAfterLastSignature);
        Assert.Equal("签章无效", report.Verdict.ToString());
        Assert.Contains("盖章后文件被改动过。", report.Lines);
    }

    [Fact]
    public async Task PageRewrittenInALaterUpdate_FirstSignatureReportsTheChange()
    {
        var (rendered, first, _) = await fixture.SealBothAsync(SampleAgreements.SignedConsortium());
        // Someone appends an update that swaps the sealed page's content for another page's.
        var file = PdfFile.Open(first);
        var pages = file.PageReferences();
        var update = new IncrementalUpdate(file);
        var page = file.Dictionary(pages[rendered.ElderCare.PageIndex]);
        update.Set(pages[rendered.ElderCare.PageIndex], page.With("Contents", file.Dictionary(pages[0])["Contents"]!));
        var (changed, _) = update.Build();

        var report = Verifier.Verify(changed, Trust());

        var signature = Assert.Single(report.Signatures);
        Assert.True(signature.IntegrityValid);
        Assert.True(signature.ChangedAfterSigning);
        Assert.Equal("签章无效", report.Verdict.ToString());
        Assert.Contains("盖章后文件内容被修改过（不只是追加了其他签章）。", signature.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task UntrustedRoot_SignatureIntactButInvalid()
    {
        var (_, _, both) = await fixture.SealBothAsync(SampleAgreements.SignedConsortium());

        var report = Verifier.Verify(both, new VerificationTrust([fixture.Timestamps.RootCertificate], null, [fixture.Timestamps.RootCertificate]));

        Assert.All(report.Signatures, s =>
        {
            Assert.True(s.IntegrityValid);
            Assert.False(s.CertificateTrusted);
            Assert.Contains("证书不是由受信任的根证书签发的。", s.Problems.Select(p => p.ToString()));
        });
    }

    [Fact]
    public Task SealRevokedAfterSigning_StaysValid_ThanksToTheTimestamp() => RevokedAfterSealingStaysValidAsync(TimeSpan.FromDays(1));

    // A CRL and a time stamp both state whole seconds: a revocation in the seal's second must not predate it.
    [Fact]
    public async Task SealRevokedInTheSameSecond_StaysValid()
    {
        var now = fixture.Clock.GetUtcNow();
        fixture.Clock.Now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(1);
        await RevokedAfterSealingStaysValidAsync(TimeSpan.FromMilliseconds(300));
    }

    private async Task RevokedAfterSealingStaysValidAsync(TimeSpan revokedAfter)
    {
        var seal = fixture.Issue("绍兴市越城区颐康养老院", "91330602MA2BD6XK1B");
        var rendered = fixture.Renderer.RenderWithLayout(SampleAgreements.SignedConsortium());
        var sealed_ = await fixture.Signer.SignAsync(rendered.Pdf, fixture.ElderCarePlacement(rendered, seal.SealId));
        fixture.Clock.Advance(revokedAfter);
        await fixture.Authority.RevokeAsync(seal.SealId, "印章遗失");
        var crl = await fixture.Authority.CreateCrlAsync(fixture.Tenant.IssuingId, TimeSpan.FromDays(7));

        var report = Verifier.Verify(sealed_, Trust(crl));

        var signature = Assert.Single(report.Signatures);
        Assert.Equal(RevocationStatus.Revoked, signature.Revocation);
        Assert.True(signature.RevokedAt > signature.TimestampTime);
        Assert.True(signature.IsValid, string.Join(" ", signature.Problems));
    }

    [Fact]
    public void NotAPdf_ReportsWhyItCannotBeVerified()
    {
        var report = Verifier.Verify("hello"u8.ToArray(), Trust());

        Assert.Equal("无法验证", report.Verdict.ToString());
        Assert.Contains("文件不是 PDF", report.Problem?.ToString());
    }

    [Fact]
    public void UnsignedAgreement_HasNoSignature()
    {
        var pdf = fixture.Renderer.Render(SampleAgreements.SignedConsortium());

        var report = Verifier.Verify(pdf, Trust());

        Assert.Equal("未发现电子签章", report.Verdict.ToString());
        Assert.Empty(report.Signatures);
    }

    [Fact]
    public async Task MalformedUploads_AreReported_NeverThrown()
    {
        var (_, _, both) = await fixture.SealBothAsync(SampleAgreements.SignedConsortium());
        var nested = System.Text.Encoding.ASCII.GetBytes(
            "%PDF-1.4\n1 0 obj\n" + new string('[', 100_000) + "\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \n"
            + "trailer\n<</Size 2 /Root 1 0 R>>\nstartxref\n" + (100_000 + 16) + "\n%%EOF\n");
        var uploads = new List<byte[]> { nested, both[..(both.Length / 2)], both[..^40], both.Take(20).ToArray() };
        for (var i = both.Length - 300; i < both.Length; i += 7)
        {
            var corrupt = (byte[])both.Clone();
            corrupt[i] = (byte)(corrupt[i] == '9' ? '8' : '9'); // always a change, whatever the byte was
            uploads.Add(corrupt);
        }

        foreach (var upload in uploads)
        {
            var report = Verifier.Verify(upload, Trust());
            Assert.NotEqual("签章有效", report.Verdict.ToString());
        }
    }
}
