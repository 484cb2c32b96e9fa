namespace YiyangPortal.Signing.Tests;

/// <summary>poppler (pdfsig, pdftoppm) and openssl as processes: verifiers that share no code with ours.</summary>
public static class ExternalTools
{
    public static (int ExitCode, string Output) Run(string program, params string[] arguments) =>
        YiyangPortal.Tests.Shared.ExternalProcess.Run(program, arguments);

    /// <summary>Writes a file under .local/signing (kept after the run to look at) and returns its path.</summary>
    public static string Artefact(string name, byte[] bytes)
    {
        var path = Path.Combine(ArtefactDirectory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static string ArtefactDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "YiyangPortal.sln")))
            {
                directory = directory.Parent;
            }
            var path = Path.Combine(directory?.FullName ?? Path.GetTempPath(), ".local", "signing");
            Directory.CreateDirectory(path);
            return path;
        }
    }
}
