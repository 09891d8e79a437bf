using BenchmarkDotNet.Running;

namespace SocBot.Benchmarks;

public static class BenchmarkEntry
{
    /// <summary>
    /// `dotnet run -c Release --project bench/SocBot.Benchmarks -- --filter '*'` runs the benchmarks;
    /// `-- fuzz-rss [cases]` runs the fuzz probe against the bot as a process and prints its memory;
    /// `-- load [seconds] [socbot|socbot-lexical|minimal]` compares SocBot's throughput and latency (as shipped, and with words only) with a minimal endpoint's;
    /// `-- footprint [socbot-lexical]` measures start-up time and memory as conversations accumulate (as shipped, or words only);
    /// `-- ownership-latency [lexical|hybrid] [Option=value ...]` times ownership answers and prints this process's memory;
    /// `-- fanout [tenants] [concurrency] [per-tenant calls/s] [arrival margin]` runs Monday's pass to 5 teams per tenant against a throttling connector.
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "load")
        {
            var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
            return Performance.LoadBench.RunAsync(TimeSpan.FromSeconds(seconds), args.Length > 2 ? args[2] : null).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "footprint")
        {
            var wordsOnly = args.Length > 1 && args[1] == "socbot-lexical";
            return Performance.FootprintBench.RunAsync(first: 10_000, second: 100_000, wordsOnly).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "fuzz-rss")
        {
            return Reliability.FuzzFootprint.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5_000).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "ownership-latency")
        {
            return Ownership.OwnershipLatencyProbe.Run(args.Skip(1).ToList());
        }
        if (args is ["fanout", .. var fanOut]) return FanOut.FanOutProbe.RunAsync(fanOut).GetAwaiter().GetResult();

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
        return 0;
    }
}
