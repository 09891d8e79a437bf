using BenchmarkDotNet.Running;

namespace SocBot.Benchmarks;

public static class BenchmarkEntry
{
    /// <summary>`dotnet run -c Release --project bench/SocBot.Benchmarks -- --filter '*'` runs them all.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
}
