using System.Text.Json.Serialization;

namespace SocBot.Protocol.Teams;

public sealed record NotificationInfo([property: JsonPropertyName("alert")] bool Alert);
