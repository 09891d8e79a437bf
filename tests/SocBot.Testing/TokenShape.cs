namespace SocBot.Testing;

/// <summary>What to get wrong in a test token; the defaults make a valid one.</summary>
public sealed record TokenShape
{
    public string? Issuer { get; init; }
    public string? ServiceUrlClaim { get; init; }
    public string? KeyId { get; init; }
    public bool SignWithUnknownKey { get; init; }
    /// <summary>The instant the token is made at, for a bot on a FakeTimeProvider; the wall clock when unset.</summary>
    public DateTimeOffset? IssuedAt { get; init; }
    public TimeSpan NotBeforeOffset { get; init; } = TimeSpan.FromMinutes(-1);
    public TimeSpan ExpiresOffset { get; init; } = TimeSpan.FromMinutes(30);
}
