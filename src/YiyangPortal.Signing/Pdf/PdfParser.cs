using System.Globalization;
using System.Text;

namespace YiyangPortal.Signing.Pdf;

/// <summary>
/// Reads PDF objects from the bytes of a file at a given position (ISO 32000-1 §7.2–7.3): the tokens of the objects
/// the portal's renderer and the seal writer produce. Anything malformed throws <see cref="UnsupportedPdfException"/>.
/// </summary>
internal sealed class PdfParser(byte[] data, int position)
{
    /// <summary>Nesting deeper than this is refused (an uploaded file must not exhaust the stack).</summary>
    private const int MaxDepth = 64;

    private int _depth;

    public int Position { get; private set; } = position;

    public static bool IsWhitespace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    public static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']'
        or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    /// <summary>Reads "N G obj … endobj" at the current position.</summary>
    public (int Number, int Generation, PdfObject Value) ReadIndirectObject()
    {
        var number = (int)ExpectInteger();
        var generation = (int)ExpectInteger();
        ExpectKeyword("obj");
        var value = ReadObject();
        SkipWhitespace();
        if (value is PdfDictionary dictionary && PeekKeyword("stream"))
        {
            value = ReadStreamData(dictionary);
        }
        return (number, generation, value);
    }

    public PdfObject ReadObject()
    {
        if (++_depth > MaxDepth)
        {
            throw Fail("objects nested too deeply");
        }
        try
        {
            return ReadObjectAtDepth();
        }
        finally
        {
            _depth--;
        }
    }

    private PdfObject ReadObjectAtDepth()
    {
        SkipWhitespace();
        var b = Peek();
        switch (b)
        {
            case (byte)'/':
                return ReadName();
            case (byte)'(':
                return ReadLiteralString();
            case (byte)'[':
                return ReadArray();
            case (byte)'<' when PeekAt(1) == '<':
                return ReadDictionary();
            case (byte)'<':
                return ReadHexString();
            default:
                break;
        }
        if (b is (byte)'+' or (byte)'-' or (byte)'.' || (b >= '0' && b <= '9'))
        {
            return ReadNumberOrReference();
        }
        var word = ReadWord();
        return word switch
        {
            "true" => new PdfBoolean(true),
            "false" => new PdfBoolean(false),
            "null" => PdfNull.Instance,
            _ => throw Fail($"unexpected token '{word}'"),
        };
    }

    public void ExpectKeyword(string keyword)
    {
        SkipWhitespace();
        var word = ReadWord();
        if (word != keyword)
        {
            throw Fail($"expected '{keyword}', found '{word}'");
        }
    }

    public long ExpectInteger()
    {
        SkipWhitespace();
        var word = ReadWord();
        if (!long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Fail($"expected an integer, found '{word}'");
        }
        return value;
    }

    public bool PeekKeyword(string keyword)
    {
        SkipWhitespace();
        var end = Position + keyword.Length;
        return end <= data.Length && Encoding.ASCII.GetString(data, Position, keyword.Length) == keyword
            && (end == data.Length || IsWhitespace(data[end]) || IsDelimiter(data[end]));
    }

    public void SkipWhitespace()
    {
        while (Position < data.Length)
        {
            if (IsWhitespace(data[Position]))
            {
                Position++;
            }
            else if (data[Position] == '%')
            {
                while (Position < data.Length && data[Position] is not (byte)'\n' and not (byte)'\r')
                {
                    Position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    public string ReadWordAfterWhitespace()
    {
        SkipWhitespace();
        return ReadWord();
    }

    public string ReadWord()
    {
        var start = Position;
        while (Position < data.Length && !IsWhitespace(data[Position]) && !IsDelimiter(data[Position]))
        {
            Position++;
        }
        if (Position == start)
        {
            throw Fail("unexpected end or delimiter");
        }
        return Encoding.ASCII.GetString(data, start, Position - start);
    }

    private PdfStream ReadStreamData(PdfDictionary dictionary)
    {
        ExpectKeyword("stream");
        if (Peek() == '\r')
        {
            Position++;
        }
        if (Peek() == '\n')
        {
            Position++;
        }
        if (dictionary["Length"] is not PdfNumber length)
        {
            throw Fail("stream without a direct /Length");
        }
        var count = (int)length.AsLong();
        if (count < 0 || Position + count > data.Length)
        {
            throw Fail("stream /Length beyond the end of the file");
        }
        var bytes = data.AsSpan(Position, count).ToArray();
        Position += count;
        ExpectKeyword("endstream");
        return new PdfStream(dictionary, bytes);
    }

    private PdfObject ReadNumberOrReference()
    {
        var first = ReadWord();
        if (!IsInteger(first))
        {
            return new PdfNumber(first);
        }
        // "N G R" is a reference; look ahead without consuming.
        var save = Position;
        SkipWhitespace();
        if (Position < data.Length && data[Position] >= '0' && data[Position] <= '9')
        {
            var second = ReadWord();
            SkipWhitespace();
            if (IsInteger(second) && Position < data.Length && data[Position] == 'R'
                && (Position + 1 == data.Length || IsWhitespace(data[Position + 1]) || IsDelimiter(data[Position + 1]))
                && int.TryParse(first, CultureInfo.InvariantCulture, out var number)
                && int.TryParse(second, CultureInfo.InvariantCulture, out var generation))
            {
                Position++;
                return new PdfReference(number, generation);
            }
        }
        Position = save;
        return new PdfNumber(first);
    }

    private static bool IsInteger(string word) => word.Length > 0 && word.All(char.IsAsciiDigit);

    private PdfName ReadName()
    {
        Position++;
        var bytes = new List<byte>();
        while (Position < data.Length && !IsWhitespace(data[Position]) && !IsDelimiter(data[Position]))
        {
            if (data[Position] == '#' && Position + 2 < data.Length
                && byte.TryParse(Encoding.ASCII.GetString(data, Position + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var escaped))
            {
                bytes.Add(escaped);
                Position += 3;
            }
            else
            {
                bytes.Add(data[Position++]);
            }
        }
        return new PdfName(Encoding.UTF8.GetString([.. bytes]));
    }

    private PdfArray ReadArray()
    {
        Position++;
        var items = new List<PdfObject>();
        while (true)
        {
            SkipWhitespace();
            if (Peek() == ']')
            {
                Position++;
                return new PdfArray(items);
            }
            items.Add(ReadObject());
        }
    }

    private PdfDictionary ReadDictionary()
    {
        Position += 2;
        var dictionary = new PdfDictionary();
        while (true)
        {
            SkipWhitespace();
            if (Peek() == '>' && PeekAt(1) == '>')
            {
                Position += 2;
                return dictionary;
            }
            if (Peek() != '/')
            {
                throw Fail("dictionary key is not a name");
            }
            var key = ReadName().Value;
            dictionary.Add(key, ReadObject());
        }
    }

    private PdfString ReadHexString()
    {
        Position++;
        var digits = new StringBuilder();
        while (Peek() != '>')
        {
            var b = data[Position++];
            if (!IsWhitespace(b))
            {
                digits.Append((char)b);
            }
        }
        Position++;
        if (digits.Length % 2 == 1)
        {
            digits.Append('0');
        }
        try
        {
            return new PdfString(Convert.FromHexString(digits.ToString()));
        }
        catch (FormatException)
        {
            throw Fail("invalid hexadecimal string");
        }
    }

    private PdfString ReadLiteralString()
    {
        Position++;
        var bytes = new List<byte>();
        var depth = 0;
        while (true)
        {
            var b = Next();
            if (b == '\\')
            {
                ReadEscape(bytes);
                continue;
            }
            if (b == '(')
            {
                depth++;
            }
            else if (b == ')' && depth-- == 0)
            {
                return new PdfString([.. bytes]);
            }
            bytes.Add(b);
        }
    }

    private void ReadEscape(List<byte> bytes)
    {
        var b = Next();
        switch (b)
        {
            case (byte)'n': bytes.Add((byte)'\n'); break;
            case (byte)'r': bytes.Add((byte)'\r'); break;
            case (byte)'t': bytes.Add((byte)'\t'); break;
            case (byte)'b': bytes.Add((byte)'\b'); break;
            case (byte)'f': bytes.Add((byte)'\f'); break;
            case (byte)'\r':
                if (Peek() == '\n')
                {
                    Position++;
                }
                break;
            case (byte)'\n': break;
            case >= (byte)'0' and <= (byte)'7':
                var value = b - '0';
                for (var i = 0; i < 2 && Peek() is >= (byte)'0' and <= (byte)'7'; i++)
                {
                    value = (value * 8) + (Next() - '0');
                }
                bytes.Add((byte)value);
                break;
            default: bytes.Add(b); break;
        }
    }

    private byte Peek() => Position < data.Length ? data[Position] : throw Fail("unexpected end of file");

    private int PeekAt(int offset) => Position + offset < data.Length ? data[Position + offset] : -1;

    private byte Next()
    {
        var b = Peek();
        Position++;
        return b;
    }

    private UnsupportedPdfException Fail(string what) =>
        new($"PDF 文件结构无法解析（位置 {Position}：{what}）。");
}
