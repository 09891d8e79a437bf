using System.Text.Json.Serialization;
using SocBot.Cards.Serialization;

namespace SocBot.Cards;

[JsonConverter(typeof(CamelCaseEnumConverter<AdaptiveTextInputStyle>))]
public enum AdaptiveTextInputStyle
{
    Text,
    Tel,
    Url,
    Email,
    Password,
}
