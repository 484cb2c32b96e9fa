using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using YiyangPortal.Documents.Tests;

namespace YiyangPortal.Documents.Benchmarks;

/// <summary>
/// Rendering a typical signed agreement (3 pages, 14 service items) with a warm singleton renderer, as the web app
/// does on a download. Issue 5 goal: median ≤ 20 ms on one core, file ≤ 300 KB.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class RenderAgreementBenchmark
{
    private AgreementPdfRenderer _renderer = null!;
    private AgreementDocumentModel _model = null!;

    [Params(AgreementTemplateKind.MedicalElderCareConsortium, AgreementTemplateKind.ProjectCooperation)]
    public AgreementTemplateKind Template { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _renderer = new AgreementPdfRenderer();
        _model = Template == AgreementTemplateKind.MedicalElderCareConsortium
            ? SampleAgreements.SignedConsortium()
            : SampleAgreements.SignedProjectCooperation();
        var size = _renderer.Render(_model).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// PDF size {Template}: {size} bytes"));
    }

    [Benchmark]
    public byte[] Render() => _renderer.Render(_model);

    [GlobalCleanup]
    public void Cleanup()
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"// Peak working set {Template}: {process.PeakWorkingSet64 / (1024 * 1024)} MB"));
        _renderer.Dispose();
    }
}
