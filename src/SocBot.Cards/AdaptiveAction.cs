using System.Text.Json.Serialization;

namespace SocBot.Cards;

/// <summary>A button or select action; its <c>type</c> is written from the registered derived type.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AdaptiveExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(AdaptiveSubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(AdaptiveOpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(AdaptiveShowCardAction), "Action.ShowCard")]
public abstract record AdaptiveAction
{
    [JsonPropertyName("id")]
    [JsonPropertyOrder(-2)]
    public string? Id { get; init; }

    [JsonPropertyName("title")]
    [JsonPropertyOrder(-1)]
    public string? Title { get; init; }

    [JsonPropertyName("iconUrl")]
    public Uri? IconUrl { get; init; }

    [JsonPropertyName("style")]
    public AdaptiveActionStyle? Style { get; init; }

    [JsonPropertyName("tooltip")]
    public string? Tooltip { get; init; }

    [JsonPropertyName("isEnabled")]
    public bool? IsEnabled { get; init; }

    [JsonPropertyName("fallback")]
    public AdaptiveFallback? Fallback { get; init; }
}
