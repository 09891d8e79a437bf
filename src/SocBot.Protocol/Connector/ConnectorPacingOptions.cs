namespace SocBot.Protocol.Connector;

/// <summary>
/// Teams' documented send limits per bot per thread (7 per second, 8 per 2 s, 60 per 30 s, 1800 per hour) and its
/// 50 requests per second per app per tenant. The defaults are those figures; tests lower them.
/// </summary>
public sealed class ConnectorPacingOptions
{
    public const string SectionName = "Connector:Pacing";

    public List<RateWindow> PerConversation { get; set; } =
    [
        new(TimeSpan.FromSeconds(1), 7),
        new(TimeSpan.FromSeconds(2), 8),
        new(TimeSpan.FromSeconds(30), 60),
        new(TimeSpan.FromHours(1), 1800),
    ];

    public List<RateWindow> Global { get; set; } = [new(TimeSpan.FromSeconds(1), 50)];
}
