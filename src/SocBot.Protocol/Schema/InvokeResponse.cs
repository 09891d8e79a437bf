using System.Text.Json;

namespace SocBot.Protocol.Schema;

/// <summary>The HTTP status and JSON body answered to an invoke activity.</summary>
public sealed record InvokeResponse(int Status, JsonElement? Body)
{
    public static InvokeResponse NotImplemented { get; } = new(501, null);
}
