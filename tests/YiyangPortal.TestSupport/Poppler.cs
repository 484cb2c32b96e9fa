using System.Diagnostics;

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

    public static int Count(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    public static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in a minute.");
        }

        return output.Result + error.Result;
    }
}
