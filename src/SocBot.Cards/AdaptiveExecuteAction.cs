using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SocBot.Cards;

/// <summary>
/// Action.Execute (Universal Actions): Teams sends an <c>adaptiveCard/action</c> invoke carrying the verb and the
/// data merged with the inputs, and replaces the card with the one the bot answers.
/// Pair it with <see cref="AdaptiveFallback.ActionSubmit"/> for clients that predate it.
/// </summary>
public sealed record AdaptiveExecuteAction : AdaptiveAction
{
    [JsonPropertyName("verb")]
    public required string Verb { get; init; }

    [JsonPropertyName("data")]
    public JsonObject? Data { get; init; }

    [JsonPropertyName("associatedInputs")]
    public AdaptiveAssociatedInputs? AssociatedInputs { get; init; }
}
