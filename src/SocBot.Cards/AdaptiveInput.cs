using System.Text.Json.Serialization;

namespace SocBot.Cards;

/// <summary>
/// An input. The card posts its value under <see cref="AdaptiveElement.Id"/>, so every input needs one;
/// a required input also needs a label and an error message or the renderer warns.
/// </summary>
public abstract record AdaptiveInput : AdaptiveElement
{
    [JsonPropertyName("label")]
    public string? Label { get; init; }

    [JsonPropertyName("isRequired")]
    public bool? IsRequired { get; init; }

    [JsonPropertyName("errorMessage")]
    public string? ErrorMessage { get; init; }
}
