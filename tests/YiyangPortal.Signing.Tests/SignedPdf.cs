using System.Text;
using System.Text.RegularExpressions;
using Org.BouncyCastle.Asn1;

namespace YiyangPortal.Signing.Tests;

/// <summary>
/// Pulls signatures out of a PDF the crude way (a regular expression over the bytes, not the library's parser),
/// so tests that hand them to openssl do not depend on the code under test.
/// </summary>
public static partial class SignedPdf
{
    public sealed record Extracted(long[] ByteRange, byte[] Cms, byte[] SignedBytes);

    public static List<Extracted> Signatures(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var result = new List<Extracted>();
        foreach (Match match in ByteRangePattern().Matches(text))
        {
            var range = Enumerable.Range(1, 4).Select(i => long.Parse(match.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var hex = text.Substring((int)range[1] + 1, (int)(range[2] - range[1] - 2));
            var padded = Convert.FromHexString(hex);
            using var input = new Asn1InputStream(padded);
            var cms = input.ReadObject().GetEncoded(Asn1Encodable.Der);
            var signed = pdf.AsSpan(0, (int)range[1]).ToArray().Concat(pdf.AsSpan((int)range[2], (int)range[3]).ToArray()).ToArray();
            result.Add(new Extracted(range, cms, signed));
        }
        return result;
    }

    [GeneratedRegex(@"/ByteRange \[(\d+) (\d+) (\d+) (\d+) *\]")]
    private static partial Regex ByteRangePattern();
}
