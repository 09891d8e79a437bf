using Microsoft.Extensions.Options;
using SocBot.Protocol.Connector;

namespace SocBot.Protocol.Tests.Connector;

public sealed class ConversationPacerTests
{
    [Fact]
    public async Task WaitTurn_EighthSendInOneSecond_WaitsForTheWindow()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var pacer = new ConversationPacer(Options.Create(new ConnectorPacingOptions()), time);

        for (var i = 0; i < 7; i++)
        {
            Assert.True(pacer.WaitTurnAsync("19:soc@thread.tacv2", CancellationToken.None).IsCompletedSuccessfully);
        }

        var eighth = pacer.WaitTurnAsync("19:soc@thread.tacv2;messageid=5", CancellationToken.None);
        var otherThread = pacer.WaitTurnAsync("19:csirt@thread.tacv2", CancellationToken.None);

        Assert.False(eighth.IsCompleted);
        Assert.True(otherThread.IsCompletedSuccessfully);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(eighth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await eighth;
    }

    [Fact]
    public async Task WaitTurn_SixtyOneSendsIn30Seconds_NeverExceedsAnyWindow()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var pacer = new ConversationPacer(Options.Create(new ConnectorPacingOptions()), time);
        var sentAt = new List<DateTimeOffset>();

        for (var i = 0; i < 61; i++)
        {
            var turn = pacer.WaitTurnAsync("a:chat", CancellationToken.None);
            while (!turn.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(50));
            }

            await turn;
            sentAt.Add(time.GetUtcNow());
        }

        foreach (var (length, limit) in new[] { (TimeSpan.FromSeconds(1), 7), (TimeSpan.FromSeconds(2), 8), (TimeSpan.FromSeconds(30), 60) })
        {
            var worst = sentAt.Max(start => sentAt.Count(s => s >= start && s < start + length));
            Assert.True(worst <= limit, $"{worst} sends within {length}, limit {limit}");
        }

        Assert.True(sentAt[^1] - sentAt[0] >= TimeSpan.FromSeconds(30), "the 61st send must wait for the 30-second window");
    }

    [Fact]
    public async Task WaitTurn_GlobalLimit_AppliesAcrossConversations()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var pacer = new ConversationPacer(Options.Create(new ConnectorPacingOptions { Global = [new(TimeSpan.FromSeconds(1), 3)] }), time);

        var turns = Enumerable.Range(0, 4).Select(i => pacer.WaitTurnAsync($"a:{i}", CancellationToken.None)).ToList();

        Assert.Equal(3, turns.Count(t => t.IsCompletedSuccessfully));
        time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(turns);
    }
}
