using SocBot.Conversations;
using SocBot.Reminders;
using SocBot.Scheduling;
using SocBot.State;
using SocBot.Testing.Throttling;
using SocBot.Tests.EndToEnd;

namespace SocBot.Tests.Reminders;

/// <summary>
/// The real bot with many tenants, each with the catalog's five SOC teams bound to channels of their own, posting to a
/// connector that throttles as Teams does. Bot and connector share one clock: a frozen one, so a pass that kept within
/// the limits needs no time to pass and one that did not is answered 429, or a stepping one that moves to each instant
/// the bot waits for, when the limits bind.
/// </summary>
public sealed class FanOutStage : IAsyncDisposable
{
    public static readonly DateTimeOffset Monday0900 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static readonly string[] SocTeams = ["soc-oversight", "threat-intelligence", "monitoring", "engineering-secops", "csirt"];

    private readonly FakeTimeProvider? _frozen;

    private FanOutStage(TimeProvider clock, ThrottlingConnectorStandIn teams, SocBotTestHost bot, IReadOnlyList<string> tenants)
    {
        Clock = clock;
        _frozen = clock as FakeTimeProvider;
        Teams = teams;
        Bot = bot;
        Tenants = tenants;
    }

    public TimeProvider Clock { get; }

    /// <summary>The frozen clock, for a stage started without a clock of its own.</summary>
    public FakeTimeProvider Time => _frozen ?? throw new InvalidOperationException("This stage runs on a clock of its own.");

    public ThrottlingConnectorStandIn Teams { get; }

    public SocBotTestHost Bot { get; }

    public IReadOnlyList<string> Tenants { get; }

    public ISocStateStore Store => Bot.Services.GetRequiredService<ISocStateStore>();

    /// <summary>The occurrences Monday's 09:00 pass owes each tenant.</summary>
    public IReadOnlyList<string> DueKeys => Bot.Services.GetRequiredService<OccurrenceSchedule>()
        .List(Monday0900.AddHours(-12), Monday0900.AddTicks(1)).Select(o => o.Key.ToString()).ToList();

    public static async Task<FanOutStage> StartAsync(
        int tenants,
        IDictionary<string, string?>? configuration = null,
        TeamsRateLimits? limits = null,
        Action<IServiceCollection>? overrideServices = null,
        TimeProvider? clock = null)
    {
        var time = clock ?? new FakeTimeProvider(Monday0900);
        var teams = await ThrottlingConnectorStandIn.StartAsync(time, limits);
        var bot = await SocBotTestHost.StartAsync(configuration ?? new Dictionary<string, string?>(), overrideServices: services =>
        {
            services.AddSingleton<TimeProvider>(time);
            overrideServices?.Invoke(services);
        });
        var ids = Enumerable.Range(1, tenants).Select(n => $"00000000-0000-0000-0000-{n:D12}").ToList();
        var stage = new FanOutStage(time, teams, bot, ids);
        foreach (var tenant in ids)
        {
            await stage.BindAsync(tenant);
        }

        return stage;
    }

    public static string ChannelOf(string tenant, string team) => $"19:{tenant[^4..]}-{team}@thread.tacv2";

    public Task<ReminderPassReport> RunPassAsync() =>
        Bot.Services.GetRequiredService<ReminderPass>().RunAsync(Clock.GetUtcNow(), dryRun: false, CancellationToken.None);

    /// <summary>How many cards reached each tenant naming each occurrence.</summary>
    public IReadOnlyDictionary<(string TenantId, string Key), int> Deliveries() => Teams.Deliveries(Testing.Cards.CardOccurrences.InActivity);

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Teams.DisposeAsync();
    }

    /// <summary>Each SOC team bound to its own channel in the tenant's Teams team, as "link" leaves it.</summary>
    private async Task BindAsync(string tenant)
    {
        var teamsTeam = $"19:{tenant[^4..]}-soc@thread.tacv2";
        foreach (var team in SocTeams)
        {
            var channel = ChannelOf(tenant, team);
            await Store.UpsertAsync(
                new ConversationReference(tenant, channel, "channel", Teams.ServiceUrl, teamsTeam, "SOC", channel, team, TeamsActivities.BotId, Monday0900),
                CancellationToken.None);
            await Store.UpsertChannelBindingAsync(
                new TeamChannelBinding(tenant, team, channel, teamsTeam, team, new Actor("aad-admin", "Admin"), Monday0900),
                CancellationToken.None);
        }
    }
}
