using System.Collections.Concurrent;
using System.Text;

namespace YiyangPortal.Documents.Templates;

internal enum TemplateBlockKind
{
    Title,
    Heading,
    Line,
    Paragraph,
    ElderCareSignature,
    MedicalSignature,
}

internal abstract record TemplatePiece;

internal sealed record TextPiece(string Text) : TemplatePiece;

/// <summary>A blank of the official text: <see cref="Marker"/> is what the seed prints there (___, XXX or nothing).</summary>
internal sealed record BlankPiece(string Key, string Marker) : TemplatePiece;

internal sealed record TemplateBlock(TemplateBlockKind Kind, IReadOnlyList<TemplatePiece> Pieces);

/// <summary>
/// The official text of one template, read from its embedded resource (Templates/*.txt, one paragraph a line).
/// The words live in those files, not in code, so that a reviewer can diff them against the seed.
/// </summary>
internal sealed class TemplateText
{
    private static readonly ConcurrentDictionary<AgreementTemplateKind, TemplateText> Cache = new();

    private TemplateText(AgreementTemplateKind kind, IReadOnlyList<TemplateBlock> blocks)
    {
        Kind = kind;
        Blocks = blocks;
    }

    public AgreementTemplateKind Kind { get; }

    public IReadOnlyList<TemplateBlock> Blocks { get; }

    public string Title => string.Concat(Blocks.First(b => b.Kind == TemplateBlockKind.Title).Pieces
        .OfType<TextPiece>().Select(p => p.Text));

    public static TemplateText For(AgreementTemplateKind kind) => Cache.GetOrAdd(kind, Load);

    /// <summary>The text with every blank shown as the seed shows it: what the fidelity test compares.</summary>
    public string WithMarkers()
    {
        var text = new StringBuilder();
        foreach (var block in Blocks)
        {
            foreach (var piece in block.Pieces)
            {
                text.Append(piece switch
                {
                    TextPiece t => t.Text,
                    BlankPiece b => b.Marker,
                    _ => throw new InvalidOperationException(),
                });
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    private static TemplateText Load(AgreementTemplateKind kind)
    {
        var name = $"YiyangPortal.Documents.Templates.{kind}.txt";
        using var stream = typeof(TemplateText).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded template {name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var blocks = new List<TemplateBlock>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            blocks.Add(new TemplateBlock(ParseKind(line[..space]), ParsePieces(line[(space + 1)..])));
        }
        return new TemplateText(kind, blocks);
    }

    private static TemplateBlockKind ParseKind(string kind) => kind switch
    {
        "title" => TemplateBlockKind.Title,
        "heading" => TemplateBlockKind.Heading,
        "line" => TemplateBlockKind.Line,
        "para" => TemplateBlockKind.Paragraph,
        "sign-a" => TemplateBlockKind.ElderCareSignature,
        "sign-b" => TemplateBlockKind.MedicalSignature,
        _ => throw new InvalidOperationException($"Unknown template line kind '{kind}'."),
    };

    private static List<TemplatePiece> ParsePieces(string text)
    {
        var pieces = new List<TemplatePiece>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf('{', position);
            if (open < 0)
            {
                pieces.Add(new TextPiece(text[position..]));
                break;
            }
            if (open > position)
            {
                pieces.Add(new TextPiece(text[position..open]));
            }
            var close = text.IndexOf('}', open);
            var blank = text[(open + 1)..close].Split('|');
            pieces.Add(new BlankPiece(blank[0], blank[1]));
            position = close + 1;
        }
        return pieces;
    }
}
