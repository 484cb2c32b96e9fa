namespace YiyangPortal.Documents.Layout;

/// <summary>
/// The smallest piece a line can be broken around: one CJK character, one run of ASCII (a number, a word, a URL),
/// a space, or the underlined gap of an empty blank (empty <see cref="Text"/>).
/// </summary>
internal readonly record struct Atom(string Text, float Width, bool Bold, bool Underline)
{
    public bool IsSpace => Text == " ";

    public bool IsGap => Text.Length == 0;
}

/// <summary>A run of text in one style, before it is cut into atoms.</summary>
internal readonly record struct Span(string Text, bool Bold = false, bool Underline = false, float GapEm = 0);
