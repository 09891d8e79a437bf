using System.Text.Json.Serialization;
using SocBot.Cards.Serialization;

namespace SocBot.Cards;

[JsonConverter(typeof(CamelCaseEnumConverter<AdaptiveChoiceInputStyle>))]
public enum AdaptiveChoiceInputStyle
{
    Compact,
    Expanded,
    Filtered,
}
