namespace SocBot.Benchmarks.Performance;

/// <summary>What one load phase measured: answers per second over the measured window and their latency.</summary>
public sealed record LoadResult(int Answered, int Failed, double PerSecond, double P50Ms, double P99Ms, double MaxMs)
{
    public static LoadResult From(double[] latenciesMs, int failed, TimeSpan window)
    {
        Array.Sort(latenciesMs);
        return new LoadResult(
            latenciesMs.Length - failed,
            failed,
            latenciesMs.Length / window.TotalSeconds,
            Percentile(latenciesMs, 0.50),
            Percentile(latenciesMs, 0.99),
            latenciesMs.Length == 0 ? double.NaN : latenciesMs[^1]);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
