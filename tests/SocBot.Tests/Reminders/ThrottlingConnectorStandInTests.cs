using System.Net;
using System.Text;
using System.Text.Json;
using SocBot.Testing.Throttling;

namespace SocBot.Tests.Reminders;

/// <summary>The throttling connector holds Teams' limits on its own clock: per thread, per tenant, and sliding.</summary>
public sealed class ThrottlingConnectorStandInTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private ThrottlingConnectorStandIn _teams = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _teams = await ThrottlingConnectorStandIn.StartAsync(_time);
        _http = new HttpClient { BaseAddress = _teams.ServiceUrl };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task OneChannel_EighthCardInASecond_Gets429WithRetryAfter_AndIsNotKept()
    {
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(HttpStatusCode.Created, await CreateAsync("tenant-a", "19:monitoring@thread.tacv2"));
        }

        using var eighth = await SendCreateAsync("tenant-a", "19:monitoring@thread.tacv2");

        Assert.Equal(HttpStatusCode.TooManyRequests, eighth.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), eighth.Headers.RetryAfter?.Delta);
        Assert.Equal(7, _teams.Cards.Count);
        Assert.Equal("19:monitoring@thread.tacv2", Assert.Single(_teams.Throttled).Thread);
    }

    [Fact]
    public async Task OneChannel_WindowsSlide_EighthFitsAfterASecond_NinthWaitsForTheTwoSecondWindow()
    {
        for (var i = 0; i < 7; i++)
        {
            await CreateAsync("tenant-a", "19:monitoring@thread.tacv2");
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Created, await CreateAsync("tenant-a", "19:monitoring@thread.tacv2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await CreateAsync("tenant-a", "19:monitoring@thread.tacv2"));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Created, await CreateAsync("tenant-a", "19:monitoring@thread.tacv2"));
    }

    [Fact]
    public async Task OneTenant_FiftyFirstCallInASecond_Gets429_WhileAnotherTenantsCallGoesThrough()
    {
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(HttpStatusCode.Created, await CreateAsync("tenant-a", $"19:channel-{i}@thread.tacv2"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await CreateAsync("tenant-a", "19:channel-50@thread.tacv2"));
        Assert.Equal(HttpStatusCode.Created, await CreateAsync("tenant-b", "19:channel-50@thread.tacv2"));
        Assert.Equal("tenant-a", Assert.Single(_teams.Throttled).TenantId);
    }

    [Fact]
    public async Task ReplyInACardsThread_CountsWithItsChannel_AndItsTenant()
    {
        for (var i = 0; i < 6; i++)
        {
            await CreateAsync("tenant-a", "19:monitoring@thread.tacv2");
        }

        var thread = Uri.EscapeDataString("19:monitoring@thread.tacv2;messageid=1001");
        using var reply = await _http.PostAsync($"v3/conversations/{thread}/activities", Json(new { type = "message", text = "Overdue" }));
        using var another = await _http.PostAsync($"v3/conversations/{thread}/activities", Json(new { type = "message", text = "Overdue" }));

        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, another.StatusCode);
        Assert.Equal("tenant-a", Assert.Single(_teams.Throttled).TenantId);
    }

    [Fact]
    public async Task Deliveries_CountEachTenantsKeyApart()
    {
        await CreateAsync("tenant-a", "19:monitoring@thread.tacv2", "k/monitoring/2026-01-05");
        await CreateAsync("tenant-a", "19:monitoring@thread.tacv2", "k/monitoring/2026-01-05");
        await CreateAsync("tenant-b", "19:monitoring@thread.tacv2", "k/monitoring/2026-01-05");

        var deliveries = _teams.Deliveries(Testing.Cards.CardOccurrences.InActivity);

        Assert.Equal(2, deliveries[("tenant-a", "k/monitoring/2026-01-05")]);
        Assert.Equal(1, deliveries[("tenant-b", "k/monitoring/2026-01-05")]);
    }

    [Fact]
    public void Bound_IsTheSpanTheTightestWindowForces()
    {
        var limits = TeamsRateLimits.Teams;

        Assert.Equal(TimeSpan.Zero, limits.Bound([3, 2], [10]));
        Assert.Equal(TimeSpan.FromSeconds(2), limits.Bound([9], [9]));
        Assert.Equal(TimeSpan.FromSeconds(30), limits.Bound([61], [61]));
        Assert.Equal(TimeSpan.FromSeconds(2), limits.Bound([1], [101, 5]));
    }

    private async Task<HttpStatusCode> CreateAsync(string tenant, string channel, string? key = null)
    {
        using var response = await SendCreateAsync(tenant, channel, key);
        return response.StatusCode;
    }

    private Task<HttpResponseMessage> SendCreateAsync(string tenant, string channel, string? key = null) =>
        _http.PostAsync("v3/conversations", Json(new
        {
            isGroup = true,
            tenantId = tenant,
            channelData = new { channel = new { id = channel }, tenant = new { id = tenant } },
            activity = new
            {
                type = "message",
                attachments = new[]
                {
                    new
                    {
                        contentType = "application/vnd.microsoft.card.adaptive",
                        content = new { type = "AdaptiveCard", actions = new[] { new { type = "Action.Execute", verb = "complete", data = new { occ = key ?? "k" } } } },
                    },
                },
            },
        }));

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
