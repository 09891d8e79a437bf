using System.Text.Json;

namespace SocBot.Testing.Playground;

/// <summary>
/// One event the Agents Playground pushes to its chat UI over the conversation stream: what happened
/// ("createMessage", "updateMessage", "typing", …), in which conversation, and the message as the UI shows it.
/// </summary>
public sealed record PlaygroundStreamEvent(string Action, string? ConversationId, JsonElement Message)
{
    public string? MessageId => Message.ValueKind == JsonValueKind.Object && Message.TryGetProperty("messageId", out var id) ? id.GetString() : null;

    public string? Text => Message.ValueKind == JsonValueKind.Object && Message.TryGetProperty("text", out var text) ? text.GetString() : null;

    /// <summary>The content of the message's first Adaptive Card attachment, when it has one.</summary>
    public JsonElement? Card =>
        Message.ValueKind == JsonValueKind.Object
        && Message.TryGetProperty("attachments", out var attachments)
        && attachments.ValueKind == JsonValueKind.Array
        && attachments.EnumerateArray().FirstOrDefault(a => a.TryGetProperty("contentType", out var type) && type.GetString() == "application/vnd.microsoft.card.adaptive") is { ValueKind: JsonValueKind.Object } card
            ? card.GetProperty("content")
            : null;
}
