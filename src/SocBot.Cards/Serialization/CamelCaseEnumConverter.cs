using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocBot.Cards.Serialization;

/// <summary>Writes enum members the way the card schema spells them: <c>ExtraLarge</c> becomes <c>extraLarge</c>.</summary>
internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
