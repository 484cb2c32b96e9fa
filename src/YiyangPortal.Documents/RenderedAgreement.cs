namespace YiyangPortal.Documents;

/// <summary>A rectangle in PDF user space: points, origin at the bottom-left corner of the page.</summary>
public readonly record struct PdfBox(float Left, float Bottom, float Right, float Top)
{
    public float Width => Right - Left;

    public float Height => Top - Bottom;
}

/// <summary>
/// Where a party's signature block landed: the page (from 0), the whole column of its signature lines, the
/// square where its seal goes — centred on the (签章)(盖章) / (公章) line, as a seal is pressed on paper — and the
/// room kept free under the lines for the signer's name, title and time that the seal's appearance shows
/// (<see cref="Caption"/>; empty when the document already prints them or is a draft).
/// </summary>
public sealed record SignatureBlock(int PageIndex, PdfBox Column, PdfBox Seal, PdfBox Caption = default);

/// <summary>The rendered PDF and the signature blocks of 甲方 (elder-care) and 乙方 (medical), for sealing.</summary>
public sealed record RenderedAgreement(byte[] Pdf, SignatureBlock ElderCare, SignatureBlock Medical);
