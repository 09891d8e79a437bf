namespace SocBot.Testing;

public sealed record LoopbackResponse(int Status, string? Body, string ContentType, IReadOnlyDictionary<string, string> Headers)
{
    public static LoopbackResponse Json(int status, string body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, body, "application/json", headers ?? new Dictionary<string, string>());

    public static LoopbackResponse Empty(int status, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, null, "application/json", headers ?? new Dictionary<string, string>());
}
