using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocBot.Protocol;

/// <summary>Turns JSON built with <see cref="JsonNode"/> into the raw elements the activity models carry.</summary>
public static class JsonElements
{
    public static JsonElement From(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}
