namespace SocBot.Protocol.Connector;

/// <summary>
/// At most <see cref="Limit"/> calls in any span of <see cref="Length"/>. Bound from configuration, a window missing either
/// stays zero and the validator names the key, instead of silently becoming some default rate.
/// </summary>
public sealed record RateWindow(TimeSpan Length, int Limit)
{
    public RateWindow() : this(TimeSpan.Zero, 0)
    {
    }
}
