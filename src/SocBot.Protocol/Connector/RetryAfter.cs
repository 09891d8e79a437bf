namespace SocBot.Protocol.Connector;

/// <summary>What a Retry-After header asks for, as a wait from <c>now</c>, whether it came as seconds or as a date.</summary>
internal static class RetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
