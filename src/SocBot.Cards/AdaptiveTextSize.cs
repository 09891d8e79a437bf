using System.Text.Json.Serialization;
using SocBot.Cards.Serialization;

namespace SocBot.Cards;

[JsonConverter(typeof(CamelCaseEnumConverter<AdaptiveTextSize>))]
public enum AdaptiveTextSize
{
    Default,
    Small,
    Medium,
    Large,
    ExtraLarge,
}
