using SocBot.Cards;
using SocBot.Catalog;
using SocBot.State;

namespace SocBot.Reminders;

/// <summary>
/// The card that shows a posted occurrence now: its own reminder card, or the digest it was posted in, rebuilt with the
/// current state of every occurrence in it, so replacing the posted activity never drops its neighbours.
/// </summary>
public sealed class PostedCardRenderer(
    ISocStateStore store,
    ICatalogSource catalogSource,
    ReminderViewFactory views,
    LiveReminderData live,
    TimeProvider time)
{
    public async Task<AdaptiveCard> CurrentCardAsync(OccurrenceRecord record, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var siblings = await DigestSiblingsAsync(record, cancellationToken);
        if (siblings.Count <= 1)
        {
            return ReminderCards.Reminder(await live.AddToAsync(views.ForRecord(record), cancellationToken), now);
        }

        return ReminderCards.Digest(siblings.Select(views.ForRecord).ToList(), now);
    }

    /// <summary>Occurrences posted in the same activity, across every team whose reminders can share a channel.</summary>
    private async Task<IReadOnlyList<OccurrenceRecord>> DigestSiblingsAsync(OccurrenceRecord record, CancellationToken cancellationToken)
    {
        if (record.ActivityId is null)
        {
            return [record];
        }

        var siblings = new List<OccurrenceRecord>();
        foreach (var team in catalogSource.Current.Teams)
        {
            var around = await store.ListTeamOccurrencesAsync(record.TenantId, team.Id, record.DueAt.AddDays(-100), record.DueAt.AddDays(100), cancellationToken);
            siblings.AddRange(around.Where(r => r.ActivityId == record.ActivityId && r.ConversationId == record.ConversationId));
        }

        return siblings.Count == 0 ? [record] : siblings.OrderBy(r => r.DueAt).ThenBy(r => r.OccurrenceKey, StringComparer.Ordinal).ToList();
    }
}
