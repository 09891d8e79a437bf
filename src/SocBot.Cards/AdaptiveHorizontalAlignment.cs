using System.Text.Json.Serialization;
using SocBot.Cards.Serialization;

namespace SocBot.Cards;

[JsonConverter(typeof(CamelCaseEnumConverter<AdaptiveHorizontalAlignment>))]
public enum AdaptiveHorizontalAlignment
{
    Left,
    Center,
    Right,
}
