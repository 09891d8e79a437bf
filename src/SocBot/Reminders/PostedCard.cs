namespace SocBot.Reminders;

/// <summary>Where a card landed: the thread's conversation id (for replies and updates) and the card's activity id.</summary>
public sealed record PostedCard(string ConversationId, string ActivityId);
