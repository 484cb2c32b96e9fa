using System.Diagnostics;

namespace YiyangPortal.Tests.Shared;

/// <summary>
/// Runs an independent tool (poppler's pdfsig/pdftoppm, openssl) and returns its exit code and output. Compiled into
/// TestSupport and Signing.Tests alike (the signing tests do not reference the web host that TestSupport brings).
/// </summary>
internal static class ExternalProcess
{
    public static (int ExitCode, string Output) Run(string program, params string[] arguments)
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

        return (process.ExitCode, output.Result + error.Result);
    }
}
