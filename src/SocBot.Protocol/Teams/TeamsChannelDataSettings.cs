using System.Text.Json.Serialization;

namespace SocBot.Protocol.Teams;

public sealed record TeamsChannelDataSettings([property: JsonPropertyName("selectedChannel")] TeamsChannelInfo? SelectedChannel);
