using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using YiyangPortal.Documents.Tests;

namespace YiyangPortal.Documents.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["--quick", var count, ..])
        {
            Quick(int.Parse(count, CultureInfo.InvariantCulture), args.Length > 2 ? args[2] : null);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    // A Stopwatch check without BenchmarkDotNet's ceremony (seconds instead of minutes): the median of
    // <count> warm renders per template; with a directory, also writes the PDFs there to look at.
    private static void Quick(int count, string? directory)
    {
        using var renderer = new AgreementPdfRenderer();
        foreach (var (name, model) in new[]
        {
            ("consortium", SampleAgreements.SignedConsortium()),
            ("cooperation", SampleAgreements.SignedProjectCooperation()),
        })
        {
            var cold = Stopwatch.StartNew();
            var bytes = renderer.Render(model);
            var first = cold.Elapsed.TotalMilliseconds;
            for (var i = 0; i < 100; i++)
            {
                renderer.Render(model);
            }
            var times = new double[count];
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < count; i++)
            {
                var watch = Stopwatch.StartNew();
                renderer.Render(model);
                times[i] = watch.Elapsed.TotalMilliseconds;
            }
            allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / count;
            Array.Sort(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: first {first:F1} ms, median {times[count / 2]:F2} ms, min {times[0]:F2} ms, {allocated / 1024.0:F0} KB allocated, {bytes.Length} bytes"));
            if (directory is not null)
            {
                File.WriteAllBytes(Path.Combine(directory, name + ".pdf"), bytes);
            }
        }
    }
}
