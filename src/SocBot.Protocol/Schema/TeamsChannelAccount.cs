using System.Text.Json.Serialization;

namespace SocBot.Protocol.Schema;

/// <summary>A member as Teams returns it from the roster calls.</summary>
public sealed record TeamsChannelAccount
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("aadObjectId")] public string? AadObjectId { get; init; }
    [JsonPropertyName("objectId")] public string? ObjectId { get; init; }
    [JsonPropertyName("givenName")] public string? GivenName { get; init; }
    [JsonPropertyName("surname")] public string? Surname { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
    [JsonPropertyName("userPrincipalName")] public string? UserPrincipalName { get; init; }
    [JsonPropertyName("tenantId")] public string? TenantId { get; init; }
    [JsonPropertyName("userRole")] public string? UserRole { get; init; }

    /// <summary>Documentation samples spell the Entra id both ways; either is the same person.</summary>
    [JsonIgnore] public string? EntraObjectId => AadObjectId ?? ObjectId;
}
