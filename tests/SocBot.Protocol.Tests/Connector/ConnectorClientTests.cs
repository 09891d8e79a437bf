using System.Net;
using SocBot.Protocol.Connector;
using SocBot.Protocol.Schema;

namespace SocBot.Protocol.Tests.Connector;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string Conversation = "19:soc@thread.tacv2;messageid=1";
    private const string Tenant = "tenant-1";
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Send_429WithRetryAfter_WaitsThenDeliversOnce()
    {
        _server.EnqueueResponse(LoopbackResponse.Json(429, """{"error":{"code":"Throttled","message":"slow down"}}""", new Dictionary<string, string> { ["Retry-After"] = "1" }));
        _server.EnqueueResponse(LoopbackResponse.Json(201, """{"id":"act-1"}"""));
        var client = ConnectorHarness.Create(_server);

        var result = await client.SendToConversationAsync(_server.BaseUrl, Tenant, Conversation, OutgoingActivity.FromText("hello"), CancellationToken.None);

        Assert.Equal("act-1", result.Id);
        Assert.Equal(2, _server.Requests.Count);
        Assert.True(_server.Requests[1].ReceivedAt - _server.Requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(900), "Retry-After: 1 was not honoured");
    }

    [Fact]
    public async Task Send_503Then200_RetriesAndDeliversOnce()
    {
        _server.EnqueueResponse(LoopbackResponse.Empty(503));
        _server.EnqueueResponse(LoopbackResponse.Json(200, """{"id":"act-2"}"""));
        var client = ConnectorHarness.Create(_server);

        var result = await client.SendToConversationAsync(_server.BaseUrl, Tenant, Conversation, OutgoingActivity.FromText("hello"), CancellationToken.None);

        Assert.Equal("act-2", result.Id);
        Assert.Equal(2, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Equal("hello", r.Json.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Send_Permanent403_ThrowsTypedErrorWithoutRetry()
    {
        const string body = """{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\"}"}""";
        _server.SetDefault(_ => LoopbackResponse.Json(403, body));
        var client = ConnectorHarness.Create(_server);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            client.SendToConversationAsync(_server.BaseUrl, Tenant, Conversation, OutgoingActivity.FromText("hello"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("209", error.ErrorCode);
        Assert.Equal(body, error.Body);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Send_StillThrottledAfterAllAttempts_ThrowsTypedErrorAfterBoundedTries()
    {
        _server.SetDefault(_ => LoopbackResponse.Json(429, """{"error":{"code":"Throttled"}}"""));
        var client = ConnectorHarness.Create(_server);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            client.SendToConversationAsync(_server.BaseUrl, Tenant, Conversation, OutgoingActivity.FromText("hello"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("Throttled", error.ErrorCode);
        Assert.Equal(ConnectorHarness.FastRetry().MaxAttempts, _server.Requests.Count);
    }

    [Fact]
    public async Task Send_Timeout_IsNotResent_AndSurfacesAsTimeout()
    {
        _server.EnqueueDelay(TimeSpan.FromSeconds(2), LoopbackResponse.Json(200, """{"id":"late"}"""));
        var retry = ConnectorHarness.FastRetry();
        retry.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        var client = ConnectorHarness.Create(_server, retry);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            client.SendToConversationAsync(_server.BaseUrl, Tenant, Conversation, OutgoingActivity.FromText("hello"), CancellationToken.None));

        Assert.True(error.IsTimeout);
        Assert.True(error.MayHaveBeenDelivered);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Send_GatewayErrorThatMayHaveDelivered_IsNotResent_AndSaysSo(int status)
    {
        _server.EnqueueResponse(LoopbackResponse.Json(status, """{"error":{"code":"Gateway"}}"""));
        _server.SetDefault(_ => LoopbackResponse.Json(200, """{"id":"second"}"""));
        var client = ConnectorHarness.Create(_server);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            client.SendToConversationAsync(_server.BaseUrl, Tenant, Conversation, OutgoingActivity.FromText("hello"), CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.True(error.MayHaveBeenDelivered);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData(412)]
    [InlineData(429)]
    [InlineData(503)]
    public async Task CreateConversation_NotProcessedStatus_IsRetriedAndDeliversOnce(int status)
    {
        _server.EnqueueResponse(LoopbackResponse.Json(status, "{}"));
        _server.SetDefault(_ => LoopbackResponse.Json(200, """{"id":"19:c@thread.tacv2;messageid=9","activityId":"9"}"""));
        var client = ConnectorHarness.Create(_server);

        var created = await client.CreateConversationAsync(_server.BaseUrl, Tenant, new ConversationParameters { IsGroup = true, Activity = OutgoingActivity.FromText("t") }, "19:c@thread.tacv2", CancellationToken.None);

        Assert.Equal("9", created.ActivityId);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Update_GatewayError_IsRetriedBecauseAReplaceIsIdempotent(int status)
    {
        _server.EnqueueResponse(LoopbackResponse.Json(status, "{}"));
        _server.SetDefault(_ => LoopbackResponse.Json(200, """{"id":"act-1"}"""));
        var client = ConnectorHarness.Create(_server);

        await client.UpdateActivityAsync(_server.BaseUrl, Tenant, Conversation, "act-1", OutgoingActivity.FromText("u"), CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Equal("PUT", r.Method));
    }

    [Fact]
    public async Task Send_Permanent400_DoesNotClaimItMayHaveBeenDelivered()
    {
        _server.SetDefault(_ => LoopbackResponse.Json(400, """{"error":{"code":"BadArgument"}}"""));
        var client = ConnectorHarness.Create(_server);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            client.SendToConversationAsync(_server.BaseUrl, Tenant, Conversation, OutgoingActivity.FromText("hello"), CancellationToken.None));

        Assert.False(error.MayHaveBeenDelivered);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task GetMember_Timeout_IsRetriedBecauseReadsAreIdempotent()
    {
        _server.EnqueueDelay(TimeSpan.FromSeconds(2), LoopbackResponse.Json(200, "{}"));
        _server.EnqueueResponse(LoopbackResponse.Json(200, """{"id":"29:ada","name":"Ada","objectId":"aad-ada"}"""));
        var retry = ConnectorHarness.FastRetry();
        retry.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        var client = ConnectorHarness.Create(_server, retry);

        var member = await client.GetMemberAsync(_server.BaseUrl, Tenant, Conversation, "29:ada", CancellationToken.None);

        Assert.Equal("aad-ada", member.EntraObjectId);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task EachOperation_UsesTheDocumentedVerbAndPath()
    {
        _server.SetDefault(request => request.PathAndQuery switch
        {
            var p when p.Contains("pagedmembers") => LoopbackResponse.Json(200, """{"continuationToken":"next","members":[{"id":"29:a","aadObjectId":"o-a"}]}"""),
            var p when p.StartsWith("/v3/teams/") => LoopbackResponse.Json(200, """{"conversations":[{"id":"19:general","name":null},{"id":"19:csirt","name":"CSIRT"}]}"""),
            "/v3/conversations" => LoopbackResponse.Json(201, """{"id":"19:csirt;messageid=9","activityId":"9"}"""),
            _ => LoopbackResponse.Json(200, """{"id":"x"}"""),
        });
        var client = ConnectorHarness.Create(_server);
        var url = _server.BaseUrl;

        var created = await client.CreateConversationAsync(url, Tenant, new ConversationParameters { IsGroup = true, Activity = OutgoingActivity.FromText("t") }, "19:csirt", CancellationToken.None);
        await client.ReplyToActivityAsync(url, Tenant, "a:1", "act 1", OutgoingActivity.FromText("r"), CancellationToken.None);
        await client.UpdateActivityAsync(url, Tenant, "a:1", "act-1", OutgoingActivity.FromText("u"), CancellationToken.None);
        await client.DeleteActivityAsync(url, Tenant, "a:1", "act-1", CancellationToken.None);
        var page = await client.GetPagedMembersAsync(url, Tenant, "19:team", 10, "tok/en", CancellationToken.None);
        var channels = await client.GetTeamChannelsAsync(url, Tenant, "19:team", CancellationToken.None);

        Assert.Equal("9", created.ActivityId);
        Assert.Equal("next", page.ContinuationToken);
        Assert.Equal("o-a", Assert.Single(page.Members).EntraObjectId);
        Assert.Equal(["19:general", "19:csirt"], channels.Select(c => c.Id));
        Assert.Equal(
            [
                "POST /v3/conversations",
                "POST /v3/conversations/a%3A1/activities/act%201",
                "PUT /v3/conversations/a%3A1/activities/act-1",
                "DELETE /v3/conversations/a%3A1/activities/act-1",
                "GET /v3/conversations/19%3Ateam/pagedmembers?pageSize=50&continuationToken=tok%2Fen",
                "GET /v3/teams/19%3Ateam/conversations",
            ],
            _server.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        Assert.Equal("act 1", _server.Requests[1].Json.GetProperty("replyToId").GetString());
        Assert.Equal("act-1", _server.Requests[2].Json.GetProperty("id").GetString());
    }

    public static TheoryData<string> Operations() => ["send", "reply", "create", "update", "delete", "member", "members", "channels"];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task EveryOperation_TakesItsTurnInTheTenantsWindow(string operation)
    {
        _server.SetDefault(_ => LoopbackResponse.Json(200, """{"id":"1","activityId":"1","conversations":[],"members":[]}"""));
        var pacing = new ConnectorPacingOptions
        {
            PerThread = [new(TimeSpan.FromSeconds(1), 7)],
            PerTenant = [new(TimeSpan.FromHours(1), 1)],
            MaxWait = TimeSpan.FromSeconds(1),
        };
        var client = ConnectorHarness.Create(_server, pacing: pacing);
        await client.SendToConversationAsync(_server.BaseUrl, Tenant, "a:other", OutgoingActivity.FromText("first"), CancellationToken.None);

        await Assert.ThrowsAsync<ConnectorPacingException>(() => Call(client, operation, Tenant));
        await Call(client, operation, "tenant-2");

        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task UntrustedServiceUrl_IsNeverCalled()
    {
        var client = ConnectorHarness.Create(_server);
        var stranger = new Uri("http://127.0.0.2:9/");

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() =>
            client.SendToConversationAsync(stranger, Tenant, Conversation, OutgoingActivity.FromText("hello"), CancellationToken.None));

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Token_IsCachedAcrossCalls_AndRefreshedOnceAfter401()
    {
        var credential = new NumberedTokenCredential();
        var tokens = new ConnectorTokenProvider(credential, TimeProvider.System);
        _server.EnqueueResponse(LoopbackResponse.Json(200, """{"id":"1"}"""));
        _server.EnqueueResponse(LoopbackResponse.Json(200, """{"id":"2"}"""));
        _server.EnqueueResponse(LoopbackResponse.Empty(401));
        _server.EnqueueResponse(LoopbackResponse.Json(200, """{"id":"3"}"""));
        var client = ConnectorHarness.Create(_server, tokens: tokens);

        await client.SendToConversationAsync(_server.BaseUrl, Tenant, "a:1", OutgoingActivity.FromText("1"), CancellationToken.None);
        await client.SendToConversationAsync(_server.BaseUrl, Tenant, "a:1", OutgoingActivity.FromText("2"), CancellationToken.None);
        var third = await client.SendToConversationAsync(_server.BaseUrl, Tenant, "a:1", OutgoingActivity.FromText("3"), CancellationToken.None);

        Assert.Equal("3", third.Id);
        Assert.Equal(2, credential.Requests);
        Assert.Equal(
            ["Bearer token-1", "Bearer token-1", "Bearer token-1", "Bearer token-2"],
            _server.Requests.Select(r => r.Header("Authorization")));
    }

    private sealed class NumberedTokenCredential : Azure.Core.TokenCredential
    {
        public int Requests { get; private set; }

        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new($"token-{++Requests}", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private Task Call(ConnectorClient client, string operation, string tenant)
    {
        var url = _server.BaseUrl;
        var none = CancellationToken.None;
        return operation switch
        {
            "send" => client.SendToConversationAsync(url, tenant, "a:1", OutgoingActivity.FromText("s"), none),
            "reply" => client.ReplyToActivityAsync(url, tenant, "a:1", "act-1", OutgoingActivity.FromText("r"), none),
            "create" => client.CreateConversationAsync(url, tenant, new ConversationParameters { IsGroup = true, Activity = OutgoingActivity.FromText("t") }, "19:c@thread.tacv2", none),
            "update" => client.UpdateActivityAsync(url, tenant, "a:1", "act-1", OutgoingActivity.FromText("u"), none),
            "delete" => client.DeleteActivityAsync(url, tenant, "a:1", "act-1", none),
            "member" => client.GetMemberAsync(url, tenant, "a:1", "29:ada", none),
            "members" => client.GetPagedMembersAsync(url, tenant, "19:team", 50, null, none),
            _ => client.GetTeamChannelsAsync(url, tenant, "19:team", none),
        };
    }
}
