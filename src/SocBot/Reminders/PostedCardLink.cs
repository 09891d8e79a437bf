namespace SocBot.Reminders;

/// <summary>
/// Teams deep links to a posted message: a channel thread's root opens with the channel id, the message id and the
/// thread's parent message id (the same message); a chat's message with the chat id and a chat context.
/// </summary>
public static class PostedCardLink
{
    private const string ThreadMarker = ";messageid=";

    public static Uri? To(string tenantId, string? conversationId, string? activityId)
    {
        if (string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(activityId))
        {
            return null;
        }

        var message = Uri.EscapeDataString(activityId);
        var thread = conversationId.IndexOf(ThreadMarker, StringComparison.Ordinal);
        if (thread < 0)
        {
            return new Uri($"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(conversationId)}/{message}?context={Uri.EscapeDataString("""{"contextType":"chat"}""")}");
        }

        var channel = Uri.EscapeDataString(conversationId[..thread]);
        var root = Uri.EscapeDataString(conversationId[(thread + ThreadMarker.Length)..]);
        return new Uri($"https://teams.microsoft.com/l/message/{channel}/{message}?tenantId={Uri.EscapeDataString(tenantId)}&parentMessageId={root}");
    }
}
