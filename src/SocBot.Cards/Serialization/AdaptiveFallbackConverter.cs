using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SocBot.Cards.Serialization;

/// <summary>A fallback is a JSON string or an action object; the action goes through the polymorphic action contract.</summary>
internal sealed class AdaptiveFallbackConverter : JsonConverter<AdaptiveFallback>
{
    public override AdaptiveFallback Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => AdaptiveFallback.FromKeyword(reader.GetString()!),
            JsonTokenType.StartObject => AdaptiveFallback.To(
                JsonSerializer.Deserialize(ref reader, ActionTypeInfo(options))
                ?? throw new JsonException("The fallback action is null.")),
            _ => throw new JsonException($"A fallback is a string or an action object, not {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, AdaptiveFallback value, JsonSerializerOptions options)
    {
        if (value.Action is { } action)
        {
            JsonSerializer.Serialize(writer, action, ActionTypeInfo(options));
        }
        else
        {
            writer.WriteStringValue(value.Keyword);
        }
    }

    private static JsonTypeInfo<AdaptiveAction> ActionTypeInfo(JsonSerializerOptions options) =>
        (JsonTypeInfo<AdaptiveAction>)options.GetTypeInfo(typeof(AdaptiveAction));
}
