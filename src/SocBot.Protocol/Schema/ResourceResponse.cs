using System.Text.Json.Serialization;

namespace SocBot.Protocol.Schema;

public sealed record ResourceResponse([property: JsonPropertyName("id")] string? Id);
