using System.Text.RegularExpressions;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>
/// Issue 13.6: one clock. Every time and "today" comes from the registered <see cref="TimeProvider"/> (tests fake it),
/// never from a direct read of the system clock in the source.
/// </summary>
public partial class OneClockTests
{
    [Fact]
    public void NoSourceFile_ReadsTheSystemClockDirectly()
    {
        var src = Path.Combine(RepositoryPaths.Root, "src");
        var offences = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(src, f), Line: i + 1, Text: line)))
            .Where(l => DirectRead().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offences.Count == 0, "Read the registered TimeProvider instead:\n" + string.Join('\n', offences));
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(UtcNow|Now|Today)\b|AddHours\(8\)")]
    private static partial Regex DirectRead();
}
