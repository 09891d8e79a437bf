using System.Text.Json.Serialization;

namespace SocBot.Protocol.Teams;

public sealed record TenantInfo([property: JsonPropertyName("id")] string? Id);
