using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SocBot.Cards;

/// <summary>Action.Submit: Teams posts a message activity whose <c>value</c> is the data merged with the inputs.</summary>
public sealed record AdaptiveSubmitAction : AdaptiveAction
{
    [JsonPropertyName("data")]
    public JsonObject? Data { get; init; }

    [JsonPropertyName("associatedInputs")]
    public AdaptiveAssociatedInputs? AssociatedInputs { get; init; }
}
