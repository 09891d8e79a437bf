using System.Text.Json;
using System.Text.Json.Serialization;
using SocBot.Cards.Serialization;

namespace SocBot.Cards;

/// <summary>
/// The root of an Adaptive Card. Shaped like AdaptiveCards' <c>AdaptiveCard</c>; the version is fixed by
/// <see cref="AdaptiveCardSchema.Version"/> so no card can drift to a version Teams does not render.
/// </summary>
public sealed record AdaptiveCard
{
    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-3)]
    public string Schema => AdaptiveCardSchema.SchemaUri;

    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public string Type => "AdaptiveCard";

    [JsonPropertyName("version")]
    [JsonPropertyOrder(-1)]
    public string Version => AdaptiveCardSchema.Version;

    [JsonPropertyName("fallbackText")]
    public string? FallbackText { get; init; }

    [JsonPropertyName("speak")]
    public string? Speak { get; init; }

    [JsonPropertyName("lang")]
    public string? Lang { get; init; }

    [JsonPropertyName("body")]
    public IReadOnlyList<AdaptiveElement> Body { get; init; } = [];

    [JsonPropertyName("actions")]
    public IReadOnlyList<AdaptiveAction>? Actions { get; init; }

    [JsonPropertyName("selectAction")]
    public AdaptiveAction? SelectAction { get; init; }

    [JsonPropertyName("refresh")]
    public AdaptiveRefresh? Refresh { get; init; }

    [JsonPropertyName("msteams")]
    public TeamsCardProperties? MsTeams { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, AdaptiveCardJsonContext.Default.AdaptiveCard);

    public JsonElement ToJsonElement() => JsonSerializer.SerializeToElement(this, AdaptiveCardJsonContext.Default.AdaptiveCard);

    /// <summary>Reads a card written by <see cref="ToJson"/> or by hand; element and action types we do not model are rejected.</summary>
    public static AdaptiveCard FromJson(string json) =>
        JsonSerializer.Deserialize(json, AdaptiveCardJsonContext.Default.AdaptiveCard)
        ?? throw new JsonException("The card JSON is null.");

    /// <summary>Measures the serialized card against Teams' message size limit.</summary>
    public CardSize MeasureSize() => CardSize.Of(ToJson());
}
