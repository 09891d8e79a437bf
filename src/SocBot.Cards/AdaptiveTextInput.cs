using System.Text.Json.Serialization;

namespace SocBot.Cards;

public sealed record AdaptiveTextInput : AdaptiveInput
{
    [JsonPropertyName("placeholder")]
    public string? Placeholder { get; init; }

    [JsonPropertyName("value")]
    public string? Value { get; init; }

    [JsonPropertyName("isMultiline")]
    public bool? IsMultiline { get; init; }

    [JsonPropertyName("maxLength")]
    public int? MaxLength { get; init; }

    [JsonPropertyName("style")]
    public AdaptiveTextInputStyle? Style { get; init; }

    [JsonPropertyName("regex")]
    public string? Regex { get; init; }
}
