using System.Text.Json;
using System.Text.Json.Serialization;
using SocBot.Protocol.Schema;
using SocBot.Protocol.Teams;

namespace SocBot.Protocol;

[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(OutgoingActivity))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(TeamsChannelAccount))]
[JsonSerializable(typeof(IReadOnlyList<TeamsChannelAccount>))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(ConversationList))]
[JsonSerializable(typeof(TeamsChannelData))]
[JsonSerializable(typeof(TeamInfo))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Hosting.ProtocolError))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext;
