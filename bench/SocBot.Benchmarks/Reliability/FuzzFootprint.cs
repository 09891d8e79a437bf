using System.Net;
using SocBot.Benchmarks.Hosting;
using SocBot.Testing;
using SocBot.Testing.Fuzzing;

namespace SocBot.Benchmarks.Reliability;

/// <summary>
/// The fuzz probe against the bot as its own process, so its memory can be read honestly: the release build on loopback
/// (Development, a fresh SQLite file, a loopback Teams stand-in answering every call), warmed with ordinary messages,
/// then the seeded fuzz. Prints the 5xx count and the process's resident set before and after. Run:
/// <c>dotnet run -c Release --project bench/SocBot.Benchmarks -- fuzz-rss [cases]</c>.
/// </summary>
public static class FuzzFootprint
{
    private const int WarmUpMessages = 500;

    public static async Task<int> RunAsync(int cases)
    {
        await using var teams = await LoopbackServer.StartAsync();
        teams.SetDefault(_ => LoopbackResponse.Json(200, """{"id":"1"}"""));
        await using var bot = BotProcess.StartSocBot();
        await bot.WaitReadyAsync();
        for (var i = 0; i < WarmUpMessages; i++)
        {
            using var warm = await bot.PostActivityAsync(OwnershipQuestions.Message(teams.BaseUrl, "warm", i));
        }

        var before = bot.ResidentMiB();
        var fuzzer = new ActivityFuzzer(seed: 14, teams.BaseUrl);
        var serverErrors = 0;
        for (var i = 0; i < cases; i++)
        {
            using var response = await bot.PostActivityAsync(fuzzer.Next().Body);
            serverErrors += (int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.NotImplemented ? 1 : 0;
        }

        using var stillServing = await bot.PostActivityAsync(OwnershipQuestions.Message(teams.BaseUrl, "after", 0));
        var after = bot.ResidentMiB();
        Console.WriteLine($"fuzz {cases} cases (seed 14): {serverErrors} answered 5xx; bot alive: {!bot.HasExited}, still answers: {(int)stillServing.StatusCode}");
        Console.WriteLine($"RSS after {WarmUpMessages} warm-up messages: {before:F1} MiB; after the fuzz: {after:F1} MiB; ratio {after / before:F3}");
        return serverErrors == 0 && !bot.HasExited ? 0 : 1;
    }
}
