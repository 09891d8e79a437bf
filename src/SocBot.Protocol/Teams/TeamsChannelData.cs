using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocBot.Protocol.Teams;

/// <summary>The part of an activity's channelData that Teams fills: tenant, team, channel and the event's kind.</summary>
public sealed record TeamsChannelData
{
    [JsonPropertyName("tenant")] public TenantInfo? Tenant { get; init; }
    [JsonPropertyName("team")] public TeamInfo? Team { get; init; }
    [JsonPropertyName("channel")] public TeamsChannelInfo? Channel { get; init; }
    [JsonPropertyName("eventType")] public string? EventType { get; init; }
    [JsonPropertyName("settings")] public TeamsChannelDataSettings? Settings { get; init; }
    [JsonPropertyName("notification")] public NotificationInfo? Notification { get; init; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Properties { get; set; }
}
