using SocBot.Enrichment;

namespace SocBot.Reminders;

/// <summary>
/// Adds live Microsoft 365 figures to a reminder card's view. Graph being slow or down never holds a reminder back:
/// the lookup is bounded and answers nothing on failure, and the card goes out without the section.
/// </summary>
public sealed class LiveReminderData(ILiveTaskData live)
{
    public async Task<ReminderView> AddToAsync(ReminderView view, CancellationToken cancellationToken) =>
        view.IsResolved ? view : view with { Live = await live.GetAsync(view.Data.Key.TaskId, cancellationToken) };
}
