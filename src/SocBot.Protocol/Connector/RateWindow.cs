namespace SocBot.Protocol.Connector;

/// <summary>At most <see cref="Limit"/> sends in any span of <see cref="Length"/>.</summary>
public sealed record RateWindow(TimeSpan Length, int Limit)
{
    public RateWindow() : this(TimeSpan.FromSeconds(1), 1)
    {
    }
}
