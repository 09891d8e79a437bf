using SocBot.Catalog;
using SocBot.Scheduling;
using SocBot.State;

namespace SocBot.Reminders;

/// <summary>Puts together what a card shows from the catalog (task, team, time zone) and the store (state, who, when).</summary>
public sealed class ReminderViewFactory(ICatalogSource catalogSource, OccurrenceSchedule schedule)
{
    public ReminderView ForOccurrence(string tenantId, Occurrence occurrence, bool postedLate, string? unboundTeamName)
    {
        var catalog = catalogSource.Current;
        return ReminderView.Open(
            new OccurrenceCardData(tenantId, occurrence.TeamId, occurrence.Key),
            occurrence.Task.Title,
            occurrence.Task.Description,
            catalog.FindTeam(occurrence.TeamId)?.DisplayName ?? occurrence.TeamId,
            occurrence.Task.Cadence.ToString(),
            occurrence.PeriodLabel,
            occurrence.DueAt,
            catalog.Settings.For(occurrence.TeamId).TimeZone,
            occurrence.Task.RunbookUrl) with { PostedLate = postedLate, UnboundTeamName = unboundTeamName };
    }

    /// <summary>The view of a stored occurrence; tasks since removed from the catalog still show, under their id.</summary>
    public ReminderView ForRecord(OccurrenceRecord record)
    {
        var catalog = catalogSource.Current;
        var key = OccurrenceKey.Parse(record.OccurrenceKey);
        var task = catalog.FindTask(record.TaskId);
        var scheduled = schedule.Find(key);
        var view = ReminderView.Open(
            new OccurrenceCardData(record.TenantId, record.TeamId, key),
            task?.Title ?? record.TaskId,
            task?.Description ?? "This task is no longer in the catalog.",
            catalog.FindTeam(record.TeamId)?.DisplayName ?? record.TeamId,
            task?.Cadence.ToString() ?? "unknown",
            scheduled?.PeriodLabel ?? (key.IsAdHoc ? Cadence.AsNeededText : record.Period),
            record.DueAt,
            catalog.Settings.For(record.TeamId).TimeZone,
            task?.RunbookUrl);
        return view.WithRecord(record);
    }
}
