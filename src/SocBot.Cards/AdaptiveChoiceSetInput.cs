using System.Text.Json.Serialization;

namespace SocBot.Cards;

public sealed record AdaptiveChoiceSetInput : AdaptiveInput
{
    [JsonPropertyName("choices")]
    public required IReadOnlyList<AdaptiveChoice> Choices { get; init; }

    [JsonPropertyName("value")]
    public string? Value { get; init; }

    [JsonPropertyName("placeholder")]
    public string? Placeholder { get; init; }

    [JsonPropertyName("isMultiSelect")]
    public bool? IsMultiSelect { get; init; }

    [JsonPropertyName("style")]
    public AdaptiveChoiceInputStyle? Style { get; init; }
}
