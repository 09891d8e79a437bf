namespace SocBot.Enrichment;

/// <summary>Live Microsoft Graph data on reminder cards (section "Graph"); off unless <see cref="Enabled"/>.</summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";

    public bool Enabled { get; set; }

    public Uri BaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>The Entra tenant the app registration lives in; needed with a client secret.</summary>
    public string? TenantId { get; set; }

    /// <summary>The app registration's client id, or a user-assigned managed identity's when there is no secret.</summary>
    public string? ClientId { get; set; }

    /// <summary>When unset, the bot signs in with its managed identity (system-assigned when ClientId is unset too).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>How long one read of each kind of data serves every card; Secure Score changes daily, so minutes are plenty.</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The most one read may take, retries included, so a slow Graph never holds up a reminder pass.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Which catalog task (by id) shows which live data; <see cref="DefaultTaskEnrichments"/> when none is configured.</summary>
    public Dictionary<string, LiveDataKind> TaskEnrichments { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyDictionary<string, LiveDataKind> DefaultTaskEnrichments { get; } = new Dictionary<string, LiveDataKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["generate-secure-score-report"] = LiveDataKind.SecureScore,
        ["portal-or-license-management"] = LiveDataKind.MessageCenter,
    };
}
