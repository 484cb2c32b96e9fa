using System.Globalization;
using System.Text;

namespace YiyangPortal.Documents;

/// <summary>
/// A character of the document has no glyph in the configured font. Raised instead of printing a box
/// (tofu), because a signed agreement must show exactly what the parties agreed.
/// </summary>
public sealed class MissingGlyphException : Exception
{
    public MissingGlyphException()
    {
    }

    public MissingGlyphException(string message)
        : base(message)
    {
    }

    public MissingGlyphException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal MissingGlyphException(Rune character, string fontPath)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"The character '{character}' (U+{character.Value:X4}) has no glyph in {fontPath}; the PDF cannot print it."))
    {
        Character = character.ToString();
    }

    /// <summary>The character that cannot be printed, or null when raised with a plain message.</summary>
    public string? Character { get; }
}
