using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocBot.Ownership;
using SocBot.Testing;

namespace SocBot.Benchmarks.Ownership;

/// <summary>
/// <c>ownership-latency [lexical|hybrid] [key=value ...]</c>: every question of both ownership test sets answered five
/// times on a built index, per-question p50/p99; the index build times on the default and a ten-times catalog; and this
/// process's resident set (VmRSS) and peak (VmHWM) after all that. One mode per process, so the two memory figures
/// do not mix. Keys are OwnershipSemanticOptions properties (BatchSize=4, EnableCpuMemoryArena=true, ...).
/// </summary>
public static class OwnershipLatencyProbe
{
    private const int Passes = 5;

    public static int Run(IReadOnlyList<string> args)
    {
        var hybrid = args.Count > 0 && args[0] == "hybrid";
        var options = Configure(args.Skip(1));
        var questions = Questions();
        Report("rss at start", "");

        var corpus = OwnershipCorpora.Default();
        OwnershipSemantics? semantics = null;
        if (hybrid)
        {
            semantics = new OwnershipSemantics(new ArcticXsSentenceEmbedder(Options.Create(options)), Options.Create(options), NullLogger<OwnershipSemantics>.Instance);
            var clock = Stopwatch.StartNew();
            semantics.Build(corpus, default);
            Console.WriteLine(Invariant($"semantic index build, default catalog: {clock.ElapsedMilliseconds} ms, loading the model included"));
            Report("rss after the first build", "");
            foreach (var scale in new[] { 1, 10 })
            {
                var scaled = scale == 1 ? corpus with { Items = [.. corpus.Items] } : OwnershipCorpora.Scaled(scale);
                clock.Restart();
                semantics.Build(scaled, default);
                Console.WriteLine(Invariant(
                    $"semantic index build, {scale}x catalog, model loaded: {clock.ElapsedMilliseconds} ms for {semantics.IndexFor(scaled)!.ViewCount} views"));
            }

            corpus = corpus with { Items = [.. corpus.Items] };
            semantics.Build(corpus, default);
        }

        foreach (var scale in new[] { 1, 10 })
        {
            var clock = Stopwatch.StartNew();
            new OwnershipAnswerer(new FixedCorpusSource(OwnershipCorpora.Scaled(scale)), NullLogger<OwnershipAnswerer>.Instance).Answer("who owns MDE?");
            Console.WriteLine(Invariant($"lexical index build + first answer, {scale}x catalog: {clock.Elapsed.TotalMilliseconds:F1} ms"));
        }

        var answerer = new OwnershipAnswerer(new FixedCorpusSource(corpus), NullLogger<OwnershipAnswerer>.Instance, semantics);
        var timings = new List<double>();
        for (var pass = 0; pass < Passes; pass++)
        {
            foreach (var question in questions)
            {
                var clock = Stopwatch.StartNew();
                var answer = answerer.Answer(question);
                clock.Stop();
                if (pass > 0)
                {
                    timings.Add(clock.Elapsed.TotalMilliseconds);
                }

                if (hybrid && pass == 0 && answer.Explanation.Rule == OwnershipRules.Lexical)
                {
                    Console.WriteLine("warning: the semantic index was not used");
                    return 1;
                }
            }
        }

        timings.Sort();
        Console.WriteLine(Invariant(
            $"{(hybrid ? "hybrid" : "lexical-only")}: {questions.Count} questions x {Passes - 1} timed passes: p50 {Percentile(timings, 0.50):F2} ms, p99 {Percentile(timings, 0.99):F2} ms, max {timings[^1]:F2} ms"));
        GC.Collect();
        Report("rss after answering", string.Join(' ', args));
        GC.KeepAlive(answerer);
        return 0;
    }

    private static OwnershipSemanticOptions Configure(IEnumerable<string> settings)
    {
        var options = new OwnershipSemanticOptions();
        foreach (var setting in settings)
        {
            var (key, value) = (setting[..setting.IndexOf('=', StringComparison.Ordinal)], setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            var property = typeof(OwnershipSemanticOptions).GetProperty(key) ?? throw new ArgumentException($"no option {key}");
            property.SetValue(options, Convert.ChangeType(value, property.PropertyType, CultureInfo.InvariantCulture));
        }

        return options;
    }

    private static List<string> Questions() =>
        new[] { "ownership-questions.txt", "ownership-paraphrases.txt" }
            .SelectMany(f => File.ReadAllLines(RepoPaths.Combine("tests", "SocBot.Tests", "Ownership", "TestData", f)))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith('['))
            .Select(l => l[(l.LastIndexOf('|') + 1)..].Trim())
            .ToList();

    private static double Percentile(List<double> sorted, double share) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];

    private static void Report(string when, string settings)
    {
        var status = File.ReadAllLines("/proc/self/status");
        string Field(string name) => status.First(l => l.StartsWith(name, StringComparison.Ordinal))[(name.Length + 1)..].Trim();
        Console.WriteLine($"{when}: VmRSS {Field("VmRSS")}, VmHWM {Field("VmHWM")} {settings}");
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
