namespace YiyangPortal.TestSupport;

/// <summary>poppler's pdfsig and pdftoppm as processes: verifiers that share no code with the portal's.</summary>
public static class Poppler
{
    /// <summary>pdfsig's report of <paramref name="pdf"/> (written to a temporary file).</summary>
    public static string Pdfsig(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"yiyang-pdfsig-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            return Run("pdfsig", path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>pdftotext's reading of <paramref name="pdf"/> with all white space removed (table cells run together).</summary>
    public static string Text(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"yiyang-pdftotext-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            return string.Concat(Run("pdftotext", "-enc", "UTF-8", path, "-").Where(c => !char.IsWhiteSpace(c)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static int Count(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    public static string Run(string program, params string[] arguments) =>
        YiyangPortal.Tests.Shared.ExternalProcess.Run(program, arguments).Output;
}
