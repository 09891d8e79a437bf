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
    /// <param name="postedIn">What the clicked card said it is; null when not known (a card posted before cards said so, a
    /// text command, an escalation), and the digest is searched for across every team.</param>
    public async Task<AdaptiveCard> CurrentCardAsync(OccurrenceRecord record, CardScope? postedIn, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var siblings = postedIn switch
        {
            { IsDigest: false } => [record],
            { } digest => await DigestSiblingsAsync(record, digest.TeamIds, digest.DueFrom, digest.DueTo, cancellationToken),
            null => await DigestSiblingsAsync(record, catalogSource.Current.Teams.Select(t => t.Id).ToList(), record.DueAt.AddDays(-100), record.DueAt.AddDays(100), cancellationToken),
        };
        if (siblings.Count <= 1)
        {
            return ReminderCards.Reminder(await live.AddToAsync(views.ForRecord(record), cancellationToken), now);
        }

        return ReminderCards.Digest(siblings.Select(views.ForRecord).ToList(), now);
    }

    /// <summary>Occurrences of these teams due in [from, to) that were posted in the same activity as this one.</summary>
    private async Task<IReadOnlyList<OccurrenceRecord>> DigestSiblingsAsync(
        OccurrenceRecord record, IReadOnlyList<string> teamIds, DateTimeOffset dueFrom, DateTimeOffset dueTo, CancellationToken cancellationToken)
    {
        if (record.ActivityId is null)
        {
            return [record];
        }

        var siblings = new List<OccurrenceRecord>();
        foreach (var teamId in teamIds)
        {
            var around = await store.ListTeamOccurrencesAsync(record.TenantId, teamId, dueFrom, dueTo, cancellationToken);
            siblings.AddRange(around.Where(r => r.ActivityId == record.ActivityId && r.ConversationId == record.ConversationId));
        }

        return siblings.Count == 0 ? [record] : siblings.OrderBy(r => r.DueAt).ThenBy(r => r.OccurrenceKey, StringComparer.Ordinal).ToList();
    }
}
