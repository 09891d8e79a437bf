using System.Text.Json.Serialization;

namespace SocBot.Cards;

public sealed record AdaptiveContainer : AdaptiveElement
{
    [JsonPropertyName("items")]
    public required IReadOnlyList<AdaptiveElement> Items { get; init; }

    [JsonPropertyName("style")]
    public AdaptiveContainerStyle? Style { get; init; }

    [JsonPropertyName("bleed")]
    public bool? Bleed { get; init; }

    [JsonPropertyName("verticalContentAlignment")]
    public AdaptiveVerticalContentAlignment? VerticalContentAlignment { get; init; }

    [JsonPropertyName("selectAction")]
    public AdaptiveAction? SelectAction { get; init; }
}
