using System.Diagnostics;
using System.Globalization;
using SocBot.Benchmarks.Hosting;

namespace SocBot.Benchmarks.Performance;

/// <summary>
/// SocBot's release build as its own process (SQLite, scheduler off, loopback connector): the time from starting the
/// process to the first question answered, the resident set once it has answered a few and sat idle, and the resident
/// set after 10,000 and after 100,000 questions, each in a personal chat of its own, so anything kept per conversation
/// shows as growth between the two. As shipped, the model for matching by meaning loads in the background after start;
/// <c>socbot-lexical</c> runs with words only. Run:
/// <c>dotnet run -c Release --project bench/SocBot.Benchmarks -- footprint [socbot-lexical]</c>.
/// </summary>
public static class FootprintBench
{
    private const int FewMessages = 20;
    private const int Concurrency = 8;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(int first, int second, bool wordsOnly)
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        var started = Stopwatch.GetTimestamp();
        await using var bot = BotProcess.StartSocBot(wordsOnly ? BotProcess.WordsOnly() : null);
        var firstAnswer = await FirstAnswerAsync(bot, connector, started);
        for (var i = 1; i < FewMessages; i++)
        {
            using var response = await bot.PostActivityAsync(OwnershipQuestions.Message(connector.BaseUrl, "few", i));
        }

        await Task.Delay(Settle);
        var idle = bot.ResidentMiB();
        var afterFirst = await AskAsync(bot, connector, first - FewMessages, offset: FewMessages);
        var afterSecond = await AskAsync(bot, connector, second - first, offset: first);
        var answered = connector.Replies;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(wordsOnly ? "words only" : "as shipped")}: start → first answer: {firstAnswer.TotalSeconds:F2} s (target ≤ 2 s); idle RSS after {FewMessages} questions: {idle:F1} MiB (target ≤ 150 MiB); load average {LoadBench.LoadAverage()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RSS after {first:N0} questions: {afterFirst:F1} MiB; after {second:N0}: {afterSecond:F1} MiB; growth {afterSecond / afterFirst - 1:P1} (target within 10 %); {answered:N0} answers posted; load average {LoadBench.LoadAverage()}"));
        return answered >= second && !bot.HasExited ? 0 : 1;
    }

    /// <summary>Asks as soon as the port takes connections, so the figure is what a person messaging a restarting bot waits.</summary>
    private static async Task<TimeSpan> FirstAnswerAsync(BotProcess bot, ConnectorStandIn connector, long started)
    {
        var question = OwnershipQuestions.Message(connector.BaseUrl, "first", 0);
        while (true)
        {
            try
            {
                using var response = await bot.PostActivityAsync(question);
                if (response.IsSuccessStatusCode && connector.FirstReplyAt != 0)
                {
                    return Stopwatch.GetElapsedTime(started, connector.FirstReplyAt);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (bot.HasExited || Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException("The bot answered nothing within 60 s of starting.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Asks <paramref name="count"/> questions in new conversations, then reads the resident set once the bot is quiet.</summary>
    private static async Task<double> AskAsync(BotProcess bot, ConnectorStandIn connector, int count, int offset)
    {
        var next = -1;
        var askers = Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                using var response = await bot.PostActivityAsync(OwnershipQuestions.Message(connector.BaseUrl, "many", offset + i));
            }
        });
        await Task.WhenAll(askers);
        await Task.Delay(Settle);
        return bot.ResidentMiB();
    }
}
