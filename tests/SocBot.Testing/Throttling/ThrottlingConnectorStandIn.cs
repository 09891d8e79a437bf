using System.Globalization;
using System.Text.Json;

namespace SocBot.Testing.Throttling;

/// <summary>
/// A loopback Bot Connector that throttles as Teams does: every request counts against its thread's windows (sends and
/// creates apart from reads) and its tenant's, on sliding windows over the stand-in's clock, and one that does not fit
/// is answered 429 with Retry-After (whole seconds, rounded up) and not acted on. A thread is a channel, its reply
/// threads counted with it; the tenant is the one a create names, or the one whose thread it is. New channel threads are
/// answered "{channel};messageid={n}" with activity id n, as Teams does. Every card let through is kept, so a test
/// can count what arrived twice, and the most tenants being answered at one time is noted.
/// </summary>
public sealed class ThrottlingConnectorStandIn : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly TeamsRateLimits _limits;
    private readonly SlidingWindows _threads = new();
    private readonly SlidingWindows _tenants = new();
    private readonly Dictionary<string, string> _tenantOfThread = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private readonly List<ReceivedCard> _cards = [];
    private readonly List<ThrottledRequest> _throttled = [];
    private int _next = 1000;
    private int _maxTenantsInFlight;

    private ThrottlingConnectorStandIn(LoopbackServer server, TimeProvider time, TeamsRateLimits limits)
    {
        Server = server;
        _time = time;
        _limits = limits;
        server.SetDefault(RespondAsync);
    }

    public LoopbackServer Server { get; }

    public Uri ServiceUrl => Server.BaseUrl;

    /// <summary>
    /// Awaited for each card let through before it is answered, for tests that hold answers to see what runs at once.
    /// The card counts as delivered already, as Teams has it while its answer is on the way.
    /// </summary>
    public Func<ReceivedCard, Task>? BeforeAnswer { get; set; }

    public IReadOnlyList<ReceivedCard> Cards
    {
        get
        {
            lock (_gate)
            {
                return _cards.ToList();
            }
        }
    }

    public IReadOnlyList<ThrottledRequest> Throttled
    {
        get
        {
            lock (_gate)
            {
                return _throttled.ToList();
            }
        }
    }

    /// <summary>The most distinct tenants whose requests were being answered at one instant.</summary>
    public int MaxTenantsInFlight
    {
        get
        {
            lock (_gate)
            {
                return _maxTenantsInFlight;
            }
        }
    }

    public static async Task<ThrottlingConnectorStandIn> StartAsync(TimeProvider? time = null, TeamsRateLimits? limits = null) =>
        new(await LoopbackServer.StartAsync(), time ?? TimeProvider.System, limits ?? TeamsRateLimits.Teams);

    /// <summary>
    /// How many cards reached each tenant naming each key; <paramref name="keysOf"/> reads a card's keys from its activity.
    /// </summary>
    public IReadOnlyDictionary<(string TenantId, string Key), int> Deliveries(Func<JsonElement, IEnumerable<string>> keysOf) =>
        Cards.SelectMany(c => keysOf(c.Activity).Select(k => (c.TenantId, k))).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    private async Task<LoopbackResponse> RespondAsync(RecordedRequest request)
    {
        if (Classify(request) is not { } call)
        {
            return LoopbackResponse.Json(404, """{"error":{"code":"NotFound","message":"No such operation."}}""");
        }

        ReceivedCard? card;
        string tenant;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            tenant = call.TenantId ?? _tenantOfThread.GetValueOrDefault(call.Thread, string.Empty);
            var wait = Max(
                _threads.WaitFor(tenant + "\n" + call.Thread, now, call.IsRead ? _limits.PerThreadRead : _limits.PerThreadSend),
                _tenants.WaitFor(tenant, now, _limits.PerTenant));
            if (wait > TimeSpan.Zero)
            {
                _throttled.Add(new ThrottledRequest(tenant, call.Thread, request.Method, request.PathAndQuery, now, wait));
                var seconds = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return LoopbackResponse.Json(429, """{"error":{"code":"Throttled","message":"Too many requests."}}""", new Dictionary<string, string> { ["Retry-After"] = seconds });
            }

            _threads.Admit(tenant + "\n" + call.Thread, now);
            _tenants.Admit(tenant, now);
            _tenantOfThread.TryAdd(call.Thread, tenant);
            card = call.Activity is { } activity && activity.TryGetProperty("attachments", out _)
                ? new ReceivedCard(tenant, call.Thread, activity, now)
                : null;
            if (card is not null)
            {
                _cards.Add(card);
            }

            _inFlight[tenant] = _inFlight.GetValueOrDefault(tenant) + 1;
            _maxTenantsInFlight = Math.Max(_maxTenantsInFlight, _inFlight.Count);
        }

        try
        {
            if (card is not null && BeforeAnswer is { } hold)
            {
                await hold(card);
            }

            return Answer(request, call);
        }
        finally
        {
            lock (_gate)
            {
                if (--_inFlight[tenant] == 0)
                {
                    _inFlight.Remove(tenant);
                }
            }
        }
    }

    private LoopbackResponse Answer(RecordedRequest request, ConnectorCall call)
    {
        var id = Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        if (call.IsCreate)
        {
            return LoopbackResponse.Json(201, JsonSerializer.Serialize(new { id = $"{call.Thread};messageid={id}", activityId = id }));
        }

        return request.Method == "GET"
            ? LoopbackResponse.Json(200, "{}")
            : LoopbackResponse.Json(request.Method == "POST" ? 201 : 200, JsonSerializer.Serialize(new { id }));
    }

    /// <summary>What a request does and where: its thread, the tenant it names if any, and the activity it carries.</summary>
    private static ConnectorCall? Classify(RecordedRequest request)
    {
        const string conversations = "/v3/conversations";
        var path = request.PathAndQuery.Split('?')[0];
        if (request.Method == "POST" && path == conversations)
        {
            var body = request.Json;
            var channelData = body.TryGetProperty("channelData", out var data) ? data : default;
            var thread = channelData.ValueKind == JsonValueKind.Object && channelData.TryGetProperty("channel", out var channel)
                ? channel.GetProperty("id").GetString()!
                : "a:chat";
            var tenant = body.TryGetProperty("tenantId", out var tenantId) ? tenantId.GetString() : TenantOf(channelData);
            return new ConnectorCall(thread, tenant, IsCreate: true, IsRead: false, body.TryGetProperty("activity", out var activity) ? activity : null);
        }

        var rest = path.StartsWith(conversations + "/", StringComparison.Ordinal) ? path[(conversations.Length + 1)..]
            : path.StartsWith("/v3/teams/", StringComparison.Ordinal) ? path["/v3/teams/".Length..]
            : null;
        if (rest is null)
        {
            return null;
        }

        var conversation = Uri.UnescapeDataString(rest.Split('/')[0]);
        var root = conversation.Split(';')[0];
        if (request.Method == "GET")
        {
            return new ConnectorCall(root, null, IsCreate: false, IsRead: true, null);
        }

        var sent = request.Body.Length > 0 ? request.Json : (JsonElement?)null;
        return new ConnectorCall(root, sent is { } s && s.TryGetProperty("channelData", out var sentData) ? TenantOf(sentData) : null, IsCreate: false, IsRead: false, sent);
    }

    private static string? TenantOf(JsonElement channelData) =>
        channelData.ValueKind == JsonValueKind.Object && channelData.TryGetProperty("tenant", out var tenant) && tenant.TryGetProperty("id", out var id)
            ? id.GetString()
            : null;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record ConnectorCall(string Thread, string? TenantId, bool IsCreate, bool IsRead, JsonElement? Activity);
}

/// <summary>A card the stand-in let through: the tenant and thread it went to, the activity, and when it arrived.</summary>
public sealed record ReceivedCard(string TenantId, string Thread, JsonElement Activity, DateTimeOffset At);

/// <summary>A request answered 429: where it went, when, and how long it was told to wait.</summary>
public sealed record ThrottledRequest(string TenantId, string Thread, string Method, string PathAndQuery, DateTimeOffset At, TimeSpan Wait);
