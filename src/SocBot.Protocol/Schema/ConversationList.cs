using System.Text.Json.Serialization;

namespace SocBot.Protocol.Schema;

public sealed record ConversationList
{
    [JsonPropertyName("conversations")] public IReadOnlyList<ChannelInfo> Conversations { get; init; } = [];
}
