using System.Text.Json.Serialization;

namespace SocBot.Cards;

/// <summary>A column of a <see cref="AdaptiveColumnSet"/>; not a body element, so it writes its own <c>type</c>.</summary>
public sealed record AdaptiveColumn
{
    /// <summary>As narrow as the content allows.</summary>
    public const string WidthAuto = "auto";

    /// <summary>Takes the remaining width, shared with other stretch columns.</summary>
    public const string WidthStretch = "stretch";

    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public string Type => "Column";

    [JsonPropertyName("id")]
    [JsonPropertyOrder(-1)]
    public string? Id { get; init; }

    /// <summary><see cref="WidthAuto"/>, <see cref="WidthStretch"/>, a relative weight ("2") or pixels ("50px").</summary>
    [JsonPropertyName("width")]
    public string? Width { get; init; }

    [JsonPropertyName("items")]
    public IReadOnlyList<AdaptiveElement> Items { get; init; } = [];

    [JsonPropertyName("style")]
    public AdaptiveContainerStyle? Style { get; init; }

    [JsonPropertyName("verticalContentAlignment")]
    public AdaptiveVerticalContentAlignment? VerticalContentAlignment { get; init; }

    [JsonPropertyName("spacing")]
    public AdaptiveSpacing? Spacing { get; init; }

    [JsonPropertyName("separator")]
    public bool? Separator { get; init; }

    [JsonPropertyName("selectAction")]
    public AdaptiveAction? SelectAction { get; init; }
}
