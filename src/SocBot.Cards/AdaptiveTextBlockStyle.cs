using System.Text.Json.Serialization;
using SocBot.Cards.Serialization;

namespace SocBot.Cards;

/// <summary>A heading is announced as such by screen readers (1.5).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AdaptiveTextBlockStyle>))]
public enum AdaptiveTextBlockStyle
{
    Default,
    Heading,
}
