using SocBot.Reminders;

namespace SocBot.Enrichment;

/// <summary>Without Graph a channel's messages cannot be read back, so a take-over never finds an earlier post.</summary>
internal sealed class NoPostedCardFinder : IPostedCardFinder
{
    public Task<PostedCard?> FindAsync(ReminderTarget target, string teamId, string occurrenceKey, CancellationToken cancellationToken) =>
        Task.FromResult<PostedCard?>(null);
}
