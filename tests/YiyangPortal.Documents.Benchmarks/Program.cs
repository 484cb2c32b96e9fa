using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using YiyangPortal.Documents.Tests;

namespace YiyangPortal.Documents.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["--quick-seal", var sealCount, ..])
        {
            QuickSeal(int.Parse(sealCount, CultureInfo.InvariantCulture));
            return;
        }
        if (args is ["--quick", var count, ..])
        {
            Quick(int.Parse(count, CultureInfo.InvariantCulture), args.Length > 2 ? args[2] : null);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    // A Stopwatch check without BenchmarkDotNet's ceremony (seconds instead of minutes): the median of <count> warm
    // renders per template, of the same agreement and of agreements that differ by a character (fonts not cached);
    // with a directory, also writes the PDFs there to look at.
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
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: first render {cold.Elapsed.TotalMilliseconds:F1} ms, {bytes.Length} bytes"));
            if (directory is not null)
            {
                File.WriteAllBytes(Path.Combine(directory, name + ".pdf"), bytes);
            }
            var others = "鹤獐麋鹿麒麟鸳鸯鹦鹉蝴蝶蜻蜓蟋蟀螳螂蚯蚓".Select(c => model with
            {
                ElderCareParty = model.ElderCareParty with { Name = $"绍兴市越城区{c}康养老院" },
            }).ToArray();
            Measure($"{name} same", count, i => renderer.Render(model));
            Measure($"{name} different", count, i => renderer.Render(others[i % others.Length]));
        }
    }

    // Render + seal both parties + time stamps (issue 14), Stopwatch median.
    private static void QuickSeal(int count)
    {
        using var setup = new SealingSetup();
        var model = SampleAgreements.SignedConsortium();
        var cold = Stopwatch.StartNew();
        var bytes = setup.RenderAndSealAsync(model).GetAwaiter().GetResult();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sealed: first {cold.Elapsed.TotalMilliseconds:F1} ms, {bytes.Length} bytes"));
        Measure("render", count, i => setup.Renderer.Render(model));
        Measure("render + seal both", count, i => setup.RenderAndSealAsync(model).GetAwaiter().GetResult());
    }

    private static void Measure(string label, int count, Func<int, byte[]> render)
    {
        for (var i = 0; i < 100; i++)
        {
            render(i);
        }
        var times = new double[count];
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            render(i);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / count;
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label}: median {times[count / 2]:F2} ms, min {times[0]:F2} ms, {allocated / 1024.0:F0} KB allocated"));
    }
}
