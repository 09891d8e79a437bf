using System.Net;
using System.Text.Json;
using SocBot.Conversations;

namespace SocBot.Tests.EndToEnd;

/// <summary>The bot on Kestrel in Development (no app id) talking to a loopback capture server in the connector's place.</summary>
public sealed class BotMessagesEndToEndTests : DevelopmentBotTests
{
    [Fact]
    public async Task ChannelHelp_WithMention_RepliesInThreadWithMentionStripped()
    {
        var activity = TeamsActivities.ChannelMessage(Connector.BaseUrl, "help");

        using var response = await Bot.PostActivityAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(Connector.Requests);
        Assert.Equal("POST", reply.Method);
        Assert.Equal(
            "/v3/conversations/" + Uri.EscapeDataString($"{TeamsActivities.ChannelId};messageid=1700000000001") + "/activities/1700000000001",
            reply.PathAndQuery);
        var body = reply.Json;
        Assert.Equal("message", body.GetProperty("type").GetString());
        Assert.Equal("1700000000001", body.GetProperty("replyToId").GetString());
        Assert.Equal(TeamsActivities.BotId, body.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal($"{TeamsActivities.ChannelId};messageid=1700000000001", body.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Contains("**status [team]**", body.GetProperty("text").GetString());
        Assert.Null(reply.Header("Authorization"));
    }

    [Fact]
    public async Task PersonalHelp_NoMention_RepliesInTheChat()
    {
        var activity = TeamsActivities.PersonalMessage(Connector.BaseUrl, "help");

        using var response = await Bot.PostActivityAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(Connector.Requests);
        Assert.Equal("/v3/conversations/a%3Apersonal-grace/activities/1700000000002", reply.PathAndQuery);
        Assert.Equal("29:grace", reply.Json.GetProperty("recipient").GetProperty("id").GetString());
    }

    [Fact]
    public async Task UnknownCommand_AnswersWithHelp()
    {
        using var response = await Bot.PostActivityAsync(TeamsActivities.PersonalMessage(Connector.BaseUrl, "frobnicate the flux capacitor").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("**help**", Assert.Single(Connector.Requests).Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task BotAddedToTeam_RecordsConversationReference_AndRemovalForgetsIt()
    {
        var store = Bot.Services.GetRequiredService<IConversationReferenceStore>();

        using (var added = await Bot.PostActivityAsync(TeamsActivities.BotAddedToTeam(Connector.BaseUrl).ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }

        var reference = await store.GetAsync(TeamsActivities.TenantId, TeamsActivities.ChannelId, CancellationToken.None);
        Assert.NotNull(reference);
        Assert.Equal(TeamsActivities.TeamId, reference.TeamId);
        Assert.Equal(TeamsActivities.ChannelId, reference.ChannelId);
        Assert.Equal("channel", reference.ConversationType);
        Assert.Equal(Connector.BaseUrl, reference.ServiceUrl);

        using (var removed = await Bot.PostActivityAsync(TeamsActivities.BotRemovedFromTeam(Connector.BaseUrl).ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        }

        Assert.Empty(await store.ListAsync(TeamsActivities.TenantId, CancellationToken.None));
        var welcome = Assert.Single(Connector.Requests);
        Assert.StartsWith($"/v3/conversations/{Uri.EscapeDataString(TeamsActivities.ChannelId)}/activities", welcome.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.adaptive", welcome.Json.GetProperty("attachments")[0].GetProperty("contentType").GetString());
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
        using (var bad = await Bot.PostActivityAsync(body, contentType: contentType))
        {
            Assert.Equal(expectedStatus, (int)bad.StatusCode);
            using var error = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
            Assert.False(string.IsNullOrWhiteSpace(error.RootElement.GetProperty("error").GetString()));
        }

        using var good = await Bot.PostActivityAsync(TeamsActivities.PersonalMessage(Connector.BaseUrl, "help").ToJsonString());
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Single(Connector.Requests);
    }

    [Fact]
    public async Task HugeChunkedBody_WithoutContentLength_Answers413()
    {
        var json = System.Text.Encoding.UTF8.GetBytes(TeamsActivities.PersonalMessage(Connector.BaseUrl, new string('x', 300 * 1024)).ToJsonString());
        using var content = new StreamContent(new UnknownLengthStream(json));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task HugeBody_Answers413_ThenValidActivityStillWorks()
    {
        var activity = TeamsActivities.PersonalMessage(Connector.BaseUrl, new string('x', 300 * 1024));

        using (var huge = await Bot.PostActivityAsync(activity.ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        }

        using var good = await Bot.PostActivityAsync(TeamsActivities.PersonalMessage(Connector.BaseUrl, "help").ToJsonString());
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Single(Connector.Requests);
    }

    [Fact]
    public async Task UnknownActivityType_Answers200WithoutReplying()
    {
        var activity = TeamsActivities.PersonalMessage(Connector.BaseUrl, "");
        activity["type"] = "somethingNew";

        using var response = await Bot.PostActivityAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task UnknownInvoke_Answers501()
    {
        var activity = TeamsActivities.PersonalMessage(Connector.BaseUrl, "");
        activity["type"] = "invoke";
        activity["name"] = "composeExtension/query";

        using var response = await Bot.PostActivityAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Theory]
    [InlineData("", "reminders in each SOC team's channel")]
    [InlineData("privacy", "audit log of each change")]
    [InlineData("terms", "remain responsible")]
    public async Task PagesTheTeamsPackageLinksTo_AreServed(string path, string expected)
    {
        using var response = await Bot.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_Answers200()
    {
        using var response = await Bot.Http.GetAsync("healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A body whose length the client does not know, so it goes out chunked with no Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
