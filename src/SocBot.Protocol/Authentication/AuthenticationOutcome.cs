using System.Security.Claims;

namespace SocBot.Protocol.Authentication;

/// <summary>The verdict on one inbound request: authenticated, anonymous (auth off in Development), or refused with a reason for the log.</summary>
public sealed record AuthenticationOutcome(bool Succeeded, bool IsAnonymous, ClaimsIdentity? Identity, string? FailureReason)
{
    public static AuthenticationOutcome Anonymous { get; } = new(true, true, null, null);

    public static AuthenticationOutcome Authenticated(ClaimsIdentity identity) => new(true, false, identity, null);

    public static AuthenticationOutcome Refused(string reason) => new(false, false, null, reason);
}
