using System.Text.Json;
using YiyangPortal.Documents;
using YiyangPortal.Signing.Pades;

namespace YiyangPortal.Web.Features.Seals;

/// <summary>One party's place in the text: page (from 0), seal square and signer-text area (PDF user space).</summary>
public sealed record SealSpot(int Page, float[] Seal, float[] Caption)
{
    public PdfRectangle SealRectangle => new(Seal[0], Seal[1], Seal[2], Seal[3]);

    public PdfRectangle? CaptionRectangle => Caption is [_, _, _, _] && Caption[3] > Caption[1]
        ? new PdfRectangle(Caption[0], Caption[1], Caption[2], Caption[3])
        : null;

    public static SealSpot Of(SignatureBlock block) => new(
        block.PageIndex,
        [block.Seal.Left, block.Seal.Bottom, block.Seal.Right, block.Seal.Top],
        [block.Caption.Left, block.Caption.Bottom, block.Caption.Right, block.Caption.Top]);
}

/// <summary>Where both parties' seals go in a stored text (AgreementDocument.SealLayout, JSON).</summary>
public sealed record SealLayout(SealSpot ElderCare, SealSpot Medical)
{
    public static SealLayout Of(RenderedAgreement rendered) => new(SealSpot.Of(rendered.ElderCare), SealSpot.Of(rendered.Medical));

    public string ToJson() => JsonSerializer.Serialize(this);

    public static SealLayout? FromJson(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<SealLayout>(json);
}
