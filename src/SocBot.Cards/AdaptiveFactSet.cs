using System.Text.Json.Serialization;

namespace SocBot.Cards;

public sealed record AdaptiveFactSet : AdaptiveElement
{
    [JsonPropertyName("facts")]
    public required IReadOnlyList<AdaptiveFact> Facts { get; init; }
}
