using System.Text.Json.Serialization;

namespace SocBot.Cards.Serialization;

/// <summary>
/// The source-generated contract for cards. Public so a host can embed a card in its own payloads;
/// nulls are omitted because the renderer treats an explicit null as a value, not as "unset".
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(AdaptiveCard))]
[JsonSerializable(typeof(AdaptiveAction))]
[JsonSerializable(typeof(AdaptiveElement))]
public sealed partial class AdaptiveCardJsonContext : JsonSerializerContext;
