using System.Globalization;
using SocBot.Benchmarks.Hosting;
using SocBot.Testing;

namespace SocBot.Benchmarks.Performance;

/// <summary>
/// SocBot against the minimal endpoint, each as its own release process on loopback, with channel authentication off
/// and on: saturation with a closed loop of connections, then latency at a fixed open-loop rate. Ownership questions in
/// distinct personal chats over ten tenants; every answer is a reply posted to the same fast connector stand-in.
/// Teams' per-tenant window (50 calls a second) is raised for SocBot: left in, it caps ten tenants at 500 answers a second
/// whatever the bot costs, and this measures the bot. SocBot runs as shipped (matching by meaning on, which embeds the
/// questions the words do not settle: two of the eight) and with words only. Run:
/// <c>dotnet run -c Release --project bench/SocBot.Benchmarks -- load [seconds] [socbot|socbot-lexical|minimal]</c> (one endpoint alone, to profile it).
/// </summary>
public static class LoadBench
{
    private const string AppId = "0d3c0f5e-5a5c-4d43-9c43-3f0c1bb0b0b1";
    private const int Connections = 32;
    private const double FixedRate = 200;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(TimeSpan window, string? only)
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        await using var issuer = await ChannelTokenIssuer.StartAsync();
        var token = issuer.CreateToken(AppId, connector.BaseUrl.AbsoluteUri, new TokenShape { ExpiresOffset = TimeSpan.FromHours(2) });
        var rows = new List<(string Endpoint, bool Auth, LoadResult Saturation, LoadResult Fixed)>();
        foreach (var auth in new[] { false, true })
        {
            foreach (var endpoint in new[] { "SocBot", "SocBot-lexical", "minimal" }.Where(e => only is null || e.Equals(only, StringComparison.OrdinalIgnoreCase)))
            {
                var settings = auth ? AuthenticationOn(issuer, connector) : [];
                await using var bot = endpoint switch
                {
                    "SocBot" => BotProcess.StartSocBot(WithTenantWindowRaised(settings)),
                    "SocBot-lexical" => BotProcess.StartSocBot(BotProcess.WordsOnly(WithTenantWindowRaised(settings))),
                    _ => BotProcess.StartMinimalBot(settings),
                };
                await bot.WaitReadyAsync();
                var driver = new LoadDriver(bot.BaseUrl, n => OwnershipQuestions.Message(connector.BaseUrl, $"{endpoint}-{auth}", n), auth ? token : null);
                // Tiered compilation settles only after some thousands of turns; measured before that, SocBot looks half as fast.
                await driver.ClosedLoopAsync(Connections, warmUp: TimeSpan.Zero, WarmUp);
                var repliesBefore = connector.Replies;
                var cpuBefore = bot.CpuTime();
                var saturation = await driver.ClosedLoopAsync(Connections, warmUp: TimeSpan.FromSeconds(1), window);
                var cpuPerAnswer = (bot.CpuTime() - cpuBefore).TotalMicroseconds / (connector.Replies - repliesBefore);
                var atRate = await driver.OpenLoopAsync(FixedRate, warmUp: TimeSpan.FromSeconds(2), window);
                var replies = connector.Replies - repliesBefore;
                rows.Add((endpoint, auth, saturation, atRate));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{endpoint,-14} auth {(auth ? "on " : "off")}: {saturation.PerSecond,7:F0} req/s at {Connections} connections (p50 {saturation.P50Ms:F1} ms, p99 {saturation.P99Ms:F1} ms, {saturation.Failed} failed, {cpuPerAnswer:F0} µs bot CPU per answer); " +
                    $"at {FixedRate:F0} req/s p50 {atRate.P50Ms:F1} ms, p99 {atRate.P99Ms:F1} ms, max {atRate.MaxMs:F1} ms ({atRate.Failed} failed); {replies} replies posted; {bot.LinesLogged} log lines; load average {LoadAverage()}"));
                if (bot.LastLineLogged is { } line)
                {
                    Console.WriteLine($"  last log line: {line[..Math.Min(line.Length, 300)]}");
                }

            }
        }

        foreach (var (endpoint, auth) in only is null ? new[] { "SocBot", "SocBot-lexical" }.SelectMany(e => new[] { (e, false), (e, true) }) : [])
        {
            var socBot = rows.Single(r => r.Endpoint == endpoint && r.Auth == auth);
            var minimal = rows.Single(r => r.Endpoint == "minimal" && r.Auth == auth);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"auth {(auth ? "on " : "off")}: {endpoint} {socBot.Saturation.PerSecond / minimal.Saturation.PerSecond:P0} of the minimal endpoint's req/s (target ≥ 70 %); p99 at {FixedRate:F0} req/s {socBot.Fixed.P99Ms:F1} ms (target ≤ 50 ms with auth on)"));
        }

        return rows.All(r => r.Saturation.Failed == 0 && r.Fixed.Failed == 0) ? 0 : 1;
    }

    /// <summary>
    /// As deployed: Production, channel tokens checked against the loopback issuer, the bot's own token from the loopback
    /// identity endpoint. (Without an app id only Development starts, so the runs with authentication off are Development.)
    /// </summary>
    private static Dictionary<string, string> AuthenticationOn(ChannelTokenIssuer issuer, ConnectorStandIn connector) => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppType"] = "UserAssignedMSI",
        ["MicrosoftAppTenantId"] = OwnershipQuestions.Tenants[0],
        ["BotAuthentication__OpenIdMetadataUrl"] = issuer.MetadataUrl.AbsoluteUri,
        ["IDENTITY_ENDPOINT"] = connector.IdentityEndpoint.AbsoluteUri,
        ["IDENTITY_HEADER"] = ConnectorStandIn.IdentityHeader,
    };

    private static Dictionary<string, string> WithTenantWindowRaised(Dictionary<string, string> settings) => new(settings)
    {
        ["Connector__Pacing__PerTenant__0__Length"] = "00:00:01",
        ["Connector__Pacing__PerTenant__0__Limit"] = "1000000",
    };

    /// <summary>The 1-minute load average: the machine is shared, so every figure carries it.</summary>
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
