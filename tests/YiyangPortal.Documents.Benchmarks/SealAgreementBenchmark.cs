using BenchmarkDotNet.Attributes;
using YiyangPortal.Documents.Tests;

namespace YiyangPortal.Documents.Benchmarks;

/// <summary>
/// Issue 14: rendering an executed agreement and sealing it for both parties, each seal with its RFC 3161 time stamp
/// from the in-process TSA (ECDSA P-256, SHA-256). Goal: median ≤ 40 ms on one core.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class SealAgreementBenchmark
{
    private SealingSetup _setup = null!;
    private AgreementDocumentModel _model = null!;

    [Params(AgreementTemplateKind.MedicalElderCareConsortium, AgreementTemplateKind.ProjectCooperation)]
    public AgreementTemplateKind Template { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _setup = new SealingSetup();
        _model = Template == AgreementTemplateKind.MedicalElderCareConsortium
            ? SampleAgreements.SignedConsortium()
            : SampleAgreements.SignedProjectCooperation();
        var size = _setup.RenderAndSealAsync(_model).GetAwaiter().GetResult().Length;
        Console.WriteLine(System.FormattableString.Invariant($"// Sealed PDF size {Template}: {size} bytes"));
    }

    [Benchmark]
    public Task<byte[]> RenderAndSealBothParties() => _setup.RenderAndSealAsync(_model);

    [GlobalCleanup]
    public void Cleanup() => _setup.Dispose();
}
