using System.Text.Json.Serialization;
using SocBot.Cards.Serialization;

namespace SocBot.Cards;

[JsonConverter(typeof(CamelCaseEnumConverter<AdaptiveContainerStyle>))]
public enum AdaptiveContainerStyle
{
    Default,
    Emphasis,
    Good,
    Attention,
    Warning,
    Accent,
}
