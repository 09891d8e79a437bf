using System.Text.Json;

namespace SocBot.Testing;

/// <summary>A request as it arrived; <see cref="PathAndQuery"/> is the raw request target, escapes and all.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset ReceivedAt)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
