namespace SocBot.Tests.EndToEnd;

/// <summary>
/// Gives each test its own bot on Kestrel in Development (no app id, so no channel tokens) and its own loopback server in
/// the connector's place, which records what the bot sends and answers every call with one resource id.
/// </summary>
public abstract class DevelopmentBotTests : IAsyncLifetime
{
    protected LoopbackServer Connector { get; private set; } = null!;

    protected SocBotTestHost Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await LoopbackServer.StartAsync();
        Connector.SetDefault(_ => LoopbackResponse.Json(200, """{"id":"reply-1"}"""));
        Bot = await SocBotTestHost.StartAsync(new Dictionary<string, string?>());
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
