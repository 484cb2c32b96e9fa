using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using YiyangPortal.Documents.Tests;

namespace YiyangPortal.Documents.Benchmarks;

/// <summary>
/// Rendering a typical signed agreement (3 pages, 14 service items) with a warm singleton renderer, as the web app
/// does on a download. Issue 5 goal: median ≤ 20 ms on one core, file ≤ 300 KB.
/// <see cref="Agreements.Same"/> renders one agreement again and again (its fonts come from the renderer's cache);
/// <see cref="Agreements.Different"/> cycles through 20 agreements whose party names differ by one character, more
/// than the cache holds, so every render builds its fonts (from already converted glyphs).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class RenderAgreementBenchmark
{
    private AgreementPdfRenderer _renderer = null!;
    private AgreementDocumentModel[] _models = null!;
    private int _next;

    public enum Agreements
    {
        Same,
        Different,
    }

    [Params(AgreementTemplateKind.MedicalElderCareConsortium, AgreementTemplateKind.ProjectCooperation)]
    public AgreementTemplateKind Template { get; set; }

    [Params(Agreements.Same, Agreements.Different)]
    public Agreements Agreement { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _renderer = new AgreementPdfRenderer();
        var model = Template == AgreementTemplateKind.MedicalElderCareConsortium
            ? SampleAgreements.SignedConsortium()
            : SampleAgreements.SignedProjectCooperation();
        // Characters no agreement text holds: each name gives its document a character set of its own.
        _models = Agreement == Agreements.Same
            ? [model]
            : "鹤獐麋鹿麒麟鸳鸯鹦鹉蝴蝶蜻蜓蟋蟀螳螂蚯蚓".Select(c => model with
            {
                ElderCareParty = model.ElderCareParty with { Name = $"绍兴市越城区{c}康养老院" },
            }).ToArray();
        var size = _renderer.Render(_models[0]).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// PDF size {Template}: {size} bytes"));
    }

    [Benchmark]
    public byte[] Render() => _renderer.Render(_models[_next++ % _models.Length]);

    [GlobalCleanup]
    public void Cleanup()
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"// Peak working set {Template}: {process.PeakWorkingSet64 / (1024 * 1024)} MB"));
        _renderer.Dispose();
    }
}
