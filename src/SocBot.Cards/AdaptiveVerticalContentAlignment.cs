using System.Text.Json.Serialization;
using SocBot.Cards.Serialization;

namespace SocBot.Cards;

[JsonConverter(typeof(CamelCaseEnumConverter<AdaptiveVerticalContentAlignment>))]
public enum AdaptiveVerticalContentAlignment
{
    Top,
    Center,
    Bottom,
}
