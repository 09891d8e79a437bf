using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using SocBot.Ownership;

namespace SocBot.Benchmarks.Ownership;

/// <summary>
/// Latency of one ownership question on a built index, on the default catalog (scale 1) and a generated one ten times
/// larger: a confident answer, an ambiguous one, a misspelling, an out-of-scope refusal and a team question.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class OwnershipAnswerBenchmarks
{
    private OwnershipAnswerer _answerer = null!;

    [Params(1, 10)]
    public int CatalogScale { get; set; }

    [ParamsSource(nameof(Questions))]
    public string Question { get; set; } = "";

    public static IEnumerable<string> Questions =>
    [
        "who handles threat intel feeds?",
        "who handles MDE?",
        "who does penetraton testing",
        "who handles expense reports?",
        "what does CSIRT do?",
    ];

    [GlobalSetup]
    public void BuildIndex()
    {
        _answerer = new OwnershipAnswerer(
            new FixedCorpusSource(OwnershipCorpora.Scaled(CatalogScale)), NullLogger<OwnershipAnswerer>.Instance);
        _answerer.Answer(Question);
    }

    [Benchmark]
    public OwnershipAnswer Answer() => _answerer.Answer(Question);
}
