using System.Text.Json.Serialization;

namespace SocBot.Cards;

/// <summary>The card's <c>msteams</c> object: full width and the mentions used in its text.</summary>
public sealed record TeamsCardProperties
{
    public const string FullWidth = "Full";

    [JsonPropertyName("width")]
    public string? Width { get; init; }

    /// <summary>Each mention's text must appear verbatim in a TextBlock or Fact, or Teams shows it as plain text.</summary>
    [JsonPropertyName("entities")]
    public IReadOnlyList<TeamsMention>? Entities { get; init; }
}
