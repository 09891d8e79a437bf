using System.Text.Json.Serialization;

namespace SocBot.Cards;

/// <summary>A mention inside a card: <see cref="Text"/> is the <c>&lt;at&gt;Name&lt;/at&gt;</c> string placed in the card's text.</summary>
public sealed record TeamsMention(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("mentioned")] TeamsMentioned Mentioned)
{
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type => "mention";

    /// <summary>Builds the mention of a user (29: id, Entra object id or UPN) shown as <paramref name="name"/>.</summary>
    public static TeamsMention Of(string id, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new TeamsMention($"<at>{name}</at>", new TeamsMentioned(id, name));
    }
}
