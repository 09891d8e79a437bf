using System.Net;
using System.Text.Json;
using SocBot.Conversations;

namespace SocBot.Tests.EndToEnd;

/// <summary>The bot on Kestrel in Development (no app id) talking to a loopback capture server in the connector's place.</summary>
public sealed class BotMessagesEndToEndTests : IAsyncLifetime
{
    private LoopbackServer _connector = null!;
    private SocBotTestHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await LoopbackServer.StartAsync();
        _connector.SetDefault(_ => LoopbackResponse.Json(200, """{"id":"reply-1"}"""));
        _bot = await SocBotTestHost.StartAsync(new Dictionary<string, string?>());
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task ChannelHelp_WithMention_RepliesInThreadWithMentionStripped()
    {
        var activity = TeamsActivities.ChannelMessage(_connector.BaseUrl, "help");

        using var response = await _bot.PostActivityAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_connector.Requests);
        Assert.Equal("POST", reply.Method);
        Assert.Equal(
            "/v3/conversations/" + Uri.EscapeDataString($"{TeamsActivities.ChannelId};messageid=1700000000001") + "/activities/1700000000001",
            reply.PathAndQuery);
        var body = reply.Json;
        Assert.Equal("message", body.GetProperty("type").GetString());
        Assert.Equal("1700000000001", body.GetProperty("replyToId").GetString());
        Assert.Equal(TeamsActivities.BotId, body.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal($"{TeamsActivities.ChannelId};messageid=1700000000001", body.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Contains("**help**", body.GetProperty("text").GetString());
        Assert.Null(reply.Header("Authorization"));
    }

    [Fact]
    public async Task PersonalHelp_NoMention_RepliesInTheChat()
    {
        var activity = TeamsActivities.PersonalMessage(_connector.BaseUrl, "help");

        using var response = await _bot.PostActivityAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_connector.Requests);
        Assert.Equal("/v3/conversations/a%3Apersonal-grace/activities/1700000000002", reply.PathAndQuery);
        Assert.Equal("29:grace", reply.Json.GetProperty("recipient").GetProperty("id").GetString());
    }

    [Fact]
    public async Task UnknownCommand_AnswersWithHelp()
    {
        using var response = await _bot.PostActivityAsync(TeamsActivities.PersonalMessage(_connector.BaseUrl, "frobnicate the flux capacitor").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("**help**", Assert.Single(_connector.Requests).Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task BotAddedToTeam_RecordsConversationReference_AndRemovalForgetsIt()
    {
        var store = _bot.Services.GetRequiredService<IConversationReferenceStore>();

        using (var added = await _bot.PostActivityAsync(TeamsActivities.BotAddedToTeam(_connector.BaseUrl).ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }

        var reference = await store.GetAsync(TeamsActivities.TenantId, TeamsActivities.ChannelId, CancellationToken.None);
        Assert.NotNull(reference);
        Assert.Equal(TeamsActivities.TeamId, reference.TeamId);
        Assert.Equal(TeamsActivities.ChannelId, reference.ChannelId);
        Assert.Equal("channel", reference.ConversationType);
        Assert.Equal(_connector.BaseUrl, reference.ServiceUrl);

        using (var removed = await _bot.PostActivityAsync(TeamsActivities.BotRemovedFromTeam(_connector.BaseUrl).ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        }

        Assert.Empty(await store.ListAsync(TeamsActivities.TenantId, CancellationToken.None));
        Assert.Empty(_connector.Requests);
    }

    [Theory]
    [InlineData("this is not json", "application/json", 400)]
    [InlineData("[1,2,3]", "application/json", 400)]
    [InlineData("""{"type":"message","text":42}""", "application/json", 400)]
    [InlineData("""{"text":"no type","serviceUrl":"https://x.example/","conversation":{"id":"c"}}""", "application/json", 400)]
    [InlineData("""{"type":"message","conversation":{"id":"c"}}""", "application/json", 400)]
    [InlineData("""{"type":"message","serviceUrl":"not a url","conversation":{"id":"c"}}""", "application/json", 400)]
    [InlineData("""{"type":"message","serviceUrl":"https://x.example/"}""", "application/json", 400)]
    [InlineData("""{"type":"message","serviceUrl":"https://x.example/","conversation":"c"}""", "application/json", 400)]
    [InlineData("""{"type":"message"}""", "text/plain", 415)]
    public async Task MalformedBody_Answers4xxWithReason_ThenValidActivityStillWorks(string body, string contentType, int expectedStatus)
    {
        using (var bad = await _bot.PostActivityAsync(body, contentType: contentType))
        {
            Assert.Equal(expectedStatus, (int)bad.StatusCode);
            using var error = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
            Assert.False(string.IsNullOrWhiteSpace(error.RootElement.GetProperty("error").GetString()));
        }

        using var good = await _bot.PostActivityAsync(TeamsActivities.PersonalMessage(_connector.BaseUrl, "help").ToJsonString());
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task HugeBody_Answers413_ThenValidActivityStillWorks()
    {
        var activity = TeamsActivities.PersonalMessage(_connector.BaseUrl, new string('x', 300 * 1024));

        using (var huge = await _bot.PostActivityAsync(activity.ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        }

        using var good = await _bot.PostActivityAsync(TeamsActivities.PersonalMessage(_connector.BaseUrl, "help").ToJsonString());
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task UnknownActivityType_Answers200WithoutReplying()
    {
        var activity = TeamsActivities.PersonalMessage(_connector.BaseUrl, "");
        activity["type"] = "somethingNew";

        using var response = await _bot.PostActivityAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task UnknownInvoke_Answers501()
    {
        var activity = TeamsActivities.PersonalMessage(_connector.BaseUrl, "");
        activity["type"] = "invoke";
        activity["name"] = "composeExtension/query";

        using var response = await _bot.PostActivityAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Theory]
    [InlineData("", "reminders in each SOC team's channel")]
    [InlineData("privacy", "audit log of each change")]
    [InlineData("terms", "remain responsible")]
    public async Task PagesTheTeamsPackageLinksTo_AreServed(string path, string expected)
    {
        using var response = await _bot.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_Answers200()
    {
        using var response = await _bot.Http.GetAsync("healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
