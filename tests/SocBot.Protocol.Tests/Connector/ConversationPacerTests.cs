using Microsoft.Extensions.Options;
using SocBot.Protocol.Connector;

namespace SocBot.Protocol.Tests.Connector;

public sealed class ConversationPacerTests
{
    private const string Tenant = "tenant-1";
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WaitTurn_EighthSendInOneSecond_WaitsForTheWindow()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(ConnectorPacingOptions.TeamsDefaults(), time);

        for (var i = 0; i < 7; i++)
        {
            Answer(pacer.WaitTurnAsync(Tenant, "19:soc@thread.tacv2", CancellationToken.None));
        }

        var eighth = pacer.WaitTurnAsync(Tenant, "19:soc@thread.tacv2;messageid=5", CancellationToken.None);
        var otherThread = pacer.WaitTurnAsync(Tenant, "19:csirt@thread.tacv2", CancellationToken.None);

        Assert.False(eighth.IsCompleted);
        Answer(otherThread);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(eighth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await eighth).Answered();
    }

    [Fact]
    public async Task WaitTurn_ArrivalMargin_HoldsEachWindowThatMuchLonger()
    {
        var time = new FakeTimeProvider(Start);
        var options = ConnectorPacingOptions.TeamsDefaults();
        options.ArrivalMargin = TimeSpan.FromMilliseconds(100);
        var pacer = Pacer(options, time);
        for (var i = 0; i < 7; i++)
        {
            (await pacer.WaitTurnAsync(Tenant, "19:soc@thread.tacv2", CancellationToken.None)).Answered();
        }

        var eighth = pacer.WaitTurnAsync(Tenant, "19:soc@thread.tacv2", CancellationToken.None);

        time.Advance(TimeSpan.FromMilliseconds(1099));
        Assert.False(eighth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await eighth).Answered();
    }

    [Fact]
    public async Task WaitTurn_CallStillOnItsWay_CountsAsArrivingUntilAnswered_ThenAtItsAnswer()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(new ConnectorPacingOptions { PerThread = [new(TimeSpan.FromSeconds(1), 7)], PerTenant = [new(TimeSpan.FromSeconds(1), 1)] }, time);
        var first = await pacer.WaitTurnAsync(Tenant, "a:1", CancellationToken.None);

        var second = pacer.WaitTurnAsync(Tenant, "a:2", CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(1500));
        Assert.False(second.IsCompleted);
        first.Answered();
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        (await second).Answered();
        Assert.Equal(Start.AddMilliseconds(2500), time.GetUtcNow());
    }

    [Fact]
    public async Task WaitTurn_AfterA429_TheTenantsOtherThreadsWaitForRetryAfter_OtherTenantsDoNot()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(ConnectorPacingOptions.TeamsDefaults(), time);
        var throttled = await pacer.WaitTurnAsync(Tenant, "19:soc@thread.tacv2", CancellationToken.None);
        throttled.Throttled(TimeSpan.FromSeconds(3));

        var sameTenant = pacer.WaitTurnAsync(Tenant, "19:csirt@thread.tacv2", CancellationToken.None);
        Answer(pacer.WaitTurnAsync("tenant-2", "19:soc@thread.tacv2", CancellationToken.None));
        time.Advance(TimeSpan.FromMilliseconds(2999));
        Assert.False(sameTenant.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        (await sameTenant).Answered();
    }

    [Fact]
    public async Task WaitTurn_429WithoutRetryAfter_ClosesTheTenantForItsShortestWindow()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(ConnectorPacingOptions.TeamsDefaults(), time);
        (await pacer.WaitTurnAsync(Tenant, "a:1", CancellationToken.None)).Throttled(null);

        var next = pacer.WaitTurnAsync(Tenant, "a:2", CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        (await next).Answered();
    }

    [Fact]
    public async Task WaitTurn_CallerStopsWaiting_GivesItsPlaceToTheNext()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(new ConnectorPacingOptions { PerThread = [new(TimeSpan.FromSeconds(1), 7)], PerTenant = [new(TimeSpan.FromSeconds(1), 1)] }, time);
        Answer(pacer.WaitTurnAsync(Tenant, "a:1", CancellationToken.None));
        using var giveUp = new CancellationTokenSource();
        var abandoned = pacer.WaitTurnAsync(Tenant, "a:2", giveUp.Token);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        var next = pacer.WaitTurnAsync(Tenant, "a:3", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));

        (await next).Answered();
    }

    [Fact]
    public async Task WaitTurn_SixtyOneSendsIn30Seconds_NeverExceedsAnyWindow()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(ConnectorPacingOptions.TeamsDefaults(), time);
        var sentAt = new List<DateTimeOffset>();

        for (var i = 0; i < 61; i++)
        {
            var turn = pacer.WaitTurnAsync(Tenant, "a:chat", CancellationToken.None);
            while (!turn.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(50));
            }

            (await turn).Answered();
            sentAt.Add(time.GetUtcNow());
        }

        foreach (var (length, limit) in new[] { (TimeSpan.FromSeconds(1), 7), (TimeSpan.FromSeconds(2), 8), (TimeSpan.FromSeconds(30), 60) })
        {
            Assert.True(WorstWindow(sentAt, length) <= limit, $"{WorstWindow(sentAt, length)} sends within {length}, limit {limit}");
        }

        Assert.True(sentAt[^1] - sentAt[0] >= TimeSpan.FromSeconds(30), "the 61st send must wait for the 30-second window");
    }

    [Fact]
    public async Task WaitTurn_TenantLimit_AppliesAcrossTheTenantsConversationsOnly()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(new ConnectorPacingOptions { PerThread = [new(TimeSpan.FromSeconds(1), 7)], PerTenant = [new(TimeSpan.FromSeconds(1), 3)] }, time);

        var turns = Enumerable.Range(0, 4).Select(i => pacer.WaitTurnAsync(Tenant, $"a:{i}", CancellationToken.None)).ToList();
        var otherTenant = Enumerable.Range(0, 3).Select(i => pacer.WaitTurnAsync("tenant-2", $"a:{i}", CancellationToken.None)).ToList();

        Assert.Equal(3, turns.Count(t => t.IsCompletedSuccessfully));
        Assert.All(otherTenant, Answer);
        Assert.All(turns.Where(t => t.IsCompleted), Answer);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.All(await Task.WhenAll(turns), t => t.Answered());
    }

    [Fact]
    public void WaitTurn_ManyThreadsBehindOneBusyTenant_KeepsEveryWindowAndNeverExceedsTheTenantRate()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(ConnectorPacingOptions.TeamsDefaults(), time);
        var reserved = new List<DateTimeOffset>();
        var byThread = new Dictionary<string, List<DateTimeOffset>>();
        for (var i = 0; i < 300; i++)
        {
            var thread = $"19:channel-{i % 7}@thread.tacv2";
            var turn = pacer.WaitTurnAsync(Tenant, thread, CancellationToken.None);
            var at = time.GetUtcNow();
            while (!turn.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(5));
                at = time.GetUtcNow();
            }

            Answer(turn);
            reserved.Add(at);
            (byThread.TryGetValue(thread, out var list) ? list : byThread[thread] = []).Add(at);
        }

        Assert.True(WorstWindow(reserved, TimeSpan.FromSeconds(1)) <= 50);
        Assert.All(byThread.Values, sends => Assert.True(WorstWindow(sends, TimeSpan.FromSeconds(1)) <= 7 && WorstWindow(sends, TimeSpan.FromSeconds(2)) <= 8));
    }

    [Fact]
    public void WaitTurn_HundredThousandOneOffConversations_RemembersOnlyTheRecentOnes()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = Pacer(ConnectorPacingOptions.TeamsDefaults(), time);

        for (var i = 0; i < 100_000; i++)
        {
            Answer(pacer.WaitTurnAsync($"tenant-{i % 10}", $"a:personal-{i}", CancellationToken.None));
            time.Advance(TimeSpan.FromMilliseconds(20));
        }

        Assert.Equal(ConnectorPacingOptions.TeamsDefaults().MaxTrackedThreads, pacer.TrackedThreads);
        Assert.Equal(10, pacer.TrackedTenants);

        time.Advance(TimeSpan.FromHours(1));
        Answer(pacer.WaitTurnAsync("tenant-0", "a:after-an-hour", CancellationToken.None));
        Assert.Equal(1, pacer.TrackedThreads);
        Assert.Equal(1, pacer.TrackedTenants);
    }

    [Fact]
    public async Task WaitTurn_TurnFurtherOffThanMaxWait_ThrowsAndReservesNothing()
    {
        var time = new FakeTimeProvider(Start);
        var options = new ConnectorPacingOptions
        {
            PerThread = [new(TimeSpan.FromMinutes(1), 1)],
            PerTenant = [new(TimeSpan.FromSeconds(1), 50)],
            MaxWait = TimeSpan.FromSeconds(10),
        };
        var pacer = Pacer(options, time);
        (await pacer.WaitTurnAsync(Tenant, "a:1", CancellationToken.None)).Answered();

        var refused = await Assert.ThrowsAsync<ConnectorPacingException>(() => pacer.WaitTurnAsync(Tenant, "a:1", CancellationToken.None));

        Assert.Equal(TimeSpan.FromMinutes(1), refused.Wait);
        time.Advance(TimeSpan.FromMinutes(1));
        Answer(pacer.WaitTurnAsync(Tenant, "a:1", CancellationToken.None));
    }

    /// <summary>The turn came at once; its call is answered at this instant.</summary>
    private static void Answer(Task<ConnectorTurn> turn)
    {
        Assert.True(turn.IsCompletedSuccessfully, "the turn should have come at once");
        turn.Result.Answered();
    }

    private static ConversationPacer Pacer(ConnectorPacingOptions options, TimeProvider time) => new(Options.Create(options), time);

    private static int WorstWindow(List<DateTimeOffset> sends, TimeSpan length) =>
        sends.Max(start => sends.Count(s => s >= start && s < start + length));
}
