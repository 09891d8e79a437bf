using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using SocBot.Ownership;

namespace SocBot.Benchmarks.Ownership;

/// <summary>
/// Building the index for a new catalog, as after a reload: a fresh corpus instance makes the answerer build it on the
/// next question. The measured time includes that one question, which the latency benchmark shows to be small.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class OwnershipIndexBuildBenchmarks
{
    private OwnershipCorpus _corpus = null!;

    [Params(1, 10)]
    public int CatalogScale { get; set; }

    [GlobalSetup]
    public void LoadCorpus() => _corpus = OwnershipCorpora.Scaled(CatalogScale);

    [Benchmark]
    public OwnershipAnswer BuildIndexAndAnswer()
    {
        // A copy is a new instance, so the answerer cannot reuse an index built for another iteration.
        var answerer = new OwnershipAnswerer(new FixedCorpusSource(_corpus with { }), NullLogger<OwnershipAnswerer>.Instance);
        return answerer.Answer("who handles threat intel feeds?");
    }
}
