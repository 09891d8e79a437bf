namespace SocBot.Protocol.Connector;

/// <summary>Whose windows a connector request counts against: its tenant's and its conversation thread's.</summary>
public sealed record PacingKey(string? TenantId, string Thread)
{
    public static readonly HttpRequestOptionsKey<PacingKey> Option = new("SocBot.Connector.Pacing");
}
