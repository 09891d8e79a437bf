using System.Text.Json.Serialization;

namespace SocBot.Cards;

/// <summary>An element of a card body; its <c>type</c> is written from the registered derived type.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AdaptiveTextBlock), "TextBlock")]
[JsonDerivedType(typeof(AdaptiveFactSet), "FactSet")]
[JsonDerivedType(typeof(AdaptiveColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(AdaptiveContainer), "Container")]
[JsonDerivedType(typeof(AdaptiveActionSet), "ActionSet")]
[JsonDerivedType(typeof(AdaptiveTextInput), "Input.Text")]
[JsonDerivedType(typeof(AdaptiveChoiceSetInput), "Input.ChoiceSet")]
public abstract record AdaptiveElement
{
    [JsonPropertyName("id")]
    [JsonPropertyOrder(-1)]
    public string? Id { get; init; }

    [JsonPropertyName("spacing")]
    public AdaptiveSpacing? Spacing { get; init; }

    [JsonPropertyName("separator")]
    public bool? Separator { get; init; }

    [JsonPropertyName("isVisible")]
    public bool? IsVisible { get; init; }
}
