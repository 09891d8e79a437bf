using System.Text.Json.Serialization;

namespace SocBot.Protocol.Hosting;

/// <summary>The short JSON body of a 4xx answer on /api/messages.</summary>
public sealed record ProtocolError([property: JsonPropertyName("error")] string Error);
