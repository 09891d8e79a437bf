using System.Text.Json.Serialization;
using SocBot.Cards.Serialization;

namespace SocBot.Cards;

/// <summary>Teams ignores positive and destructive and draws every button alike; other hosts colour them.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AdaptiveActionStyle>))]
public enum AdaptiveActionStyle
{
    Default,
    Positive,
    Destructive,
}
