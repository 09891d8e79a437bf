using BenchmarkDotNet.Running;

namespace SocBot.Benchmarks;

public static class BenchmarkEntry
{
    /// <summary>
    /// `dotnet run -c Release --project bench/SocBot.Benchmarks -- --filter '*'` runs the benchmarks;
    /// `-- fuzz-rss [cases]` runs the fuzz probe against the bot as a process and prints its memory.
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "fuzz-rss")
        {
            return Reliability.FuzzFootprint.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5_000).GetAwaiter().GetResult();
        }

        if (args is ["fanout", .. var fanOut]) return FanOut.FanOutProbe.RunAsync(fanOut).GetAwaiter().GetResult();

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
        return 0;
    }
}
