using Microsoft.IdentityModel.Tokens;

namespace SocBot.Protocol.Authentication;

/// <summary>A channel signing key with the channels it may vouch for (the JWK's "endorsements").</summary>
public sealed record SigningKey(string KeyId, SecurityKey Key, IReadOnlyList<string> Endorsements);
