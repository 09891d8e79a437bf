using System.Text.Json.Serialization;
using SocBot.Cards.Serialization;

namespace SocBot.Cards;

/// <summary>Which inputs an action sends: auto sends the inputs of its card and its parents, none sends nothing.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AdaptiveAssociatedInputs>))]
public enum AdaptiveAssociatedInputs
{
    Auto,
    None,
}
