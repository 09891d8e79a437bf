using System.Text.Json.Serialization;

namespace SocBot.Cards;

/// <summary>Text; Teams renders only bold, italic, lists and links of its markdown.</summary>
public sealed record AdaptiveTextBlock : AdaptiveElement
{
    [JsonPropertyName("text")]
    public required string Text { get; init; }

    [JsonPropertyName("wrap")]
    public bool? Wrap { get; init; }

    [JsonPropertyName("size")]
    public AdaptiveTextSize? Size { get; init; }

    [JsonPropertyName("weight")]
    public AdaptiveTextWeight? Weight { get; init; }

    [JsonPropertyName("color")]
    public AdaptiveTextColor? Color { get; init; }

    [JsonPropertyName("isSubtle")]
    public bool? IsSubtle { get; init; }

    [JsonPropertyName("maxLines")]
    public int? MaxLines { get; init; }

    [JsonPropertyName("horizontalAlignment")]
    public AdaptiveHorizontalAlignment? HorizontalAlignment { get; init; }

    [JsonPropertyName("style")]
    public AdaptiveTextBlockStyle? Style { get; init; }
}
