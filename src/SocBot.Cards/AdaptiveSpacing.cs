using System.Text.Json.Serialization;
using SocBot.Cards.Serialization;

namespace SocBot.Cards;

[JsonConverter(typeof(CamelCaseEnumConverter<AdaptiveSpacing>))]
public enum AdaptiveSpacing
{
    None,
    Small,
    Default,
    Medium,
    Large,
    ExtraLarge,
    Padding,
}
