using SocBot.Reminders;
using SocBot.State;

namespace SocBot.Tests.EndToEnd;

/// <summary>
/// The real bot on Kestrel with an injected clock and its own SQLite file, talking to a loopback connector that answers
/// like Teams: the stage the reminder and command scenarios share, each adding the ways its tests act on it.
/// </summary>
public abstract class TeamsScenario : IAsyncDisposable
{
    protected TeamsScenario(FakeTimeProvider time, TeamsConnectorStandIn teams, SocBotTestHost bot)
    {
        Time = time;
        Teams = teams;
        Bot = bot;
    }

    public FakeTimeProvider Time { get; }

    public SocBotTestHost Bot { get; }

    public ISocStateStore Store => Bot.Services.GetRequiredService<ISocStateStore>();

    /// <summary>Each scenario shows its tests the connector in the shape they read it: the stand-in, or its raw server.</summary>
    protected TeamsConnectorStandIn Teams { get; }

    public Task<ReminderPassReport> RunPassAsync() =>
        Bot.Services.GetRequiredService<ReminderPass>().RunAsync(Time.GetUtcNow(), dryRun: false, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Teams.DisposeAsync();
    }

    /// <summary>Starts the connector stand-in and then the bot, whose clock is frozen at <paramref name="start"/> until a test moves it.</summary>
    protected static async Task<TScenario> LaunchAsync<TScenario>(
        DateTimeOffset start,
        IDictionary<string, string?> settings,
        Func<FakeTimeProvider, TeamsConnectorStandIn, SocBotTestHost, TScenario> create,
        Action<IServiceCollection>? overrideServices = null)
        where TScenario : TeamsScenario
    {
        var time = new FakeTimeProvider(start);
        var teams = await TeamsConnectorStandIn.StartAsync();
        var bot = await SocBotTestHost.StartAsync(settings, overrideServices: services =>
        {
            services.AddSingleton<TimeProvider>(time);
            overrideServices?.Invoke(services);
        });
        return create(time, teams, bot);
    }
}
