namespace SocBot.Ownership;

/// <summary>The Teams channel a team is bound to, with a deep link when the binding names the channel's team.</summary>
public sealed record OwnershipChannel(string ChannelId, Uri? Link = null);
