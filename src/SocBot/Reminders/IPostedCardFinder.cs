namespace SocBot.Reminders;

/// <summary>
/// Looks in a channel for a card an interrupted pass may have posted, so a take-over records it instead of posting a
/// duplicate. Null when it is not there or the channel cannot be read: the take-over then posts again, marked so.
/// </summary>
public interface IPostedCardFinder
{
    Task<PostedCard?> FindAsync(ReminderTarget target, string teamId, string occurrenceKey, CancellationToken cancellationToken);
}
