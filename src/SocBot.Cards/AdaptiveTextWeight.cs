using System.Text.Json.Serialization;
using SocBot.Cards.Serialization;

namespace SocBot.Cards;

[JsonConverter(typeof(CamelCaseEnumConverter<AdaptiveTextWeight>))]
public enum AdaptiveTextWeight
{
    Default,
    Lighter,
    Bolder,
}
