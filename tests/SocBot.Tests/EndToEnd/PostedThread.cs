using System.Text.Json;

namespace SocBot.Tests.EndToEnd;

/// <summary>A thread the bot started in a channel: where, the root activity's id, and the activity it posted.</summary>
public sealed record PostedThread(string ChannelId, string ActivityId, JsonElement Activity);
