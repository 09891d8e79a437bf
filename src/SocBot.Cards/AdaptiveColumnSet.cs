using System.Text.Json.Serialization;

namespace SocBot.Cards;

public sealed record AdaptiveColumnSet : AdaptiveElement
{
    [JsonPropertyName("columns")]
    public required IReadOnlyList<AdaptiveColumn> Columns { get; init; }

    [JsonPropertyName("style")]
    public AdaptiveContainerStyle? Style { get; init; }

    [JsonPropertyName("bleed")]
    public bool? Bleed { get; init; }

    [JsonPropertyName("selectAction")]
    public AdaptiveAction? SelectAction { get; init; }
}
