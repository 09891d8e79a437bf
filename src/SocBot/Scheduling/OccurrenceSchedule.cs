using System.Globalization;
using Quartz;
using SocBot.Catalog;

namespace SocBot.Scheduling;

/// <summary>
/// Works out when each task's occurrences are reminded and due, from the current catalog: one occurrence per cadence
/// period (day, ISO week, month, quarter) per team that runs the task, on the period's first working day in the team's
/// time zone, or at the first firing of the task's Quartz cron override in the period. Holidays never get a reminder.
/// Pure computation over the catalog: the same inputs always give the same occurrences and keys.
/// </summary>
public sealed class OccurrenceSchedule(ICatalogSource catalogSource)
{
    /// <summary>Safety bound for walking working days when a team's holidays swallow whole stretches of the calendar.</summary>
    private const int MaxDaysSearched = 3660;

    /// <summary>Occurrences reminded in [<paramref name="from"/>, <paramref name="to"/>), ordered by reminder, team, task.</summary>
    /// <param name="teamId">Only this team's occurrences (its own tasks and All SOC Teams tasks); null for every team.</param>
    public IReadOnlyList<Occurrence> List(DateTimeOffset from, DateTimeOffset to, string? teamId = null)
    {
        var catalog = catalogSource.Current;
        if (teamId is not null && catalog.Teams.All(t => t.Id != teamId))
        {
            throw new ArgumentException($"Unknown team '{teamId}'.", nameof(teamId));
        }

        var occurrences = new List<Occurrence>();
        if (to <= from)
        {
            return occurrences;
        }

        foreach (var task in catalog.Tasks.Where(t => t.Cadence.IsScheduled))
        {
            foreach (var team in catalog.TeamsFor(task).Where(t => teamId is null || t.Id == teamId))
            {
                var settings = catalog.Settings.For(team.Id);
                var cron = task.ScheduleOverride is { } schedule ? new CronExpression(schedule.Cron, settings.TimeZone) : null;
                var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, settings.TimeZone).DateTime);
                var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, settings.TimeZone).DateTime);
                foreach (var period in SchedulePeriod.Covering(task.Cadence.Period, firstDay, lastDay))
                {
                    var occurrence = cron is null
                        ? FromCadence(task, team.Id, settings, period)
                        : FromCron(task, team.Id, settings, period, cron, task.ScheduleOverride!.DueAfter);
                    if (occurrence is not null && occurrence.RemindAt >= from && occurrence.RemindAt < to)
                    {
                        occurrences.Add(occurrence);
                    }
                }
            }
        }

        return occurrences
            .OrderBy(o => o.RemindAt)
            .ThenBy(o => o.TeamId, StringComparer.Ordinal)
            .ThenBy(o => o.Task.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The scheduled occurrence a key names, recomputed from the catalog; null for ad-hoc keys, keys of tasks or teams
    /// no longer in the catalog, and periods without a working day.
    /// </summary>
    public Occurrence? Find(OccurrenceKey key)
    {
        var catalog = catalogSource.Current;
        var task = catalog.FindTask(key.TaskId);
        if (key.IsAdHoc || task is null || !task.Cadence.IsScheduled || catalog.TeamsFor(task).All(t => t.Id != key.TeamId))
        {
            return null;
        }

        var period = SchedulePeriod.FromKey(task.Cadence.Period, key.Period);
        if (period is null)
        {
            return null;
        }

        var settings = catalog.Settings.For(key.TeamId);
        return task.ScheduleOverride is { } schedule
            ? FromCron(task, key.TeamId, settings, period, new CronExpression(schedule.Cron, settings.TimeZone), schedule.DueAfter)
            : FromCadence(task, key.TeamId, settings, period);
    }

    /// <summary>
    /// An on-demand run of a task that allows it ("As needed", "X and as needed"), reminded at
    /// <paramref name="requestedAt"/> and due at the due time of the first working day that is still ahead, moved on by the
    /// due rule's working days.
    /// </summary>
    public Occurrence StartOnDemand(string taskId, string teamId, string adHocId, DateTimeOffset requestedAt)
    {
        var catalog = catalogSource.Current;
        var task = catalog.FindTask(taskId) ?? throw new ArgumentException($"Unknown task '{taskId}'.", nameof(taskId));
        if (!task.Cadence.OnDemand)
        {
            throw new ArgumentException($"Task '{task.Id}' is {task.Cadence}, not startable on demand.", nameof(taskId));
        }

        if (catalog.TeamsFor(task).All(t => t.Id != teamId))
        {
            throw new ArgumentException($"Team '{teamId}' does not run task '{task.Id}'.", nameof(teamId));
        }

        var settings = catalog.Settings.For(teamId);
        var key = OccurrenceKey.ForAdHoc(task.Id, teamId, adHocId);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(requestedAt, settings.TimeZone).DateTime);
        var searched = 0;
        while (!settings.IsWorkingDay(day) || LocalClock.ToInstant(day, settings.Due.Time, settings.TimeZone) <= requestedAt)
        {
            day = NextDay(day, ref searched);
        }

        day = AddWorkingDays(settings, day, settings.Due.WorkingDaysAfterReminder ?? 0);
        return new Occurrence(
            key,
            task,
            teamId,
            TimeZoneInfo.ConvertTime(requestedAt, settings.TimeZone),
            LocalClock.ToInstant(day, settings.Due.Time, settings.TimeZone),
            Cadence.AsNeededText);
    }

    private static Occurrence? FromCadence(MaintenanceTask task, string teamId, ScheduleSettings settings, SchedulePeriod period)
    {
        var workingDays = period.Days().Where(settings.IsWorkingDay).ToList();
        if (workingDays.Count == 0)
        {
            return null;
        }

        var remindDay = workingDays[0];
        var dueDay = settings.Due.WorkingDaysAfterReminder is { } days ? AddWorkingDays(settings, remindDay, days) : workingDays[^1];
        return new Occurrence(
            period.Key(task.Id, teamId),
            task,
            teamId,
            LocalClock.ToInstant(remindDay, settings.ReminderTime, settings.TimeZone),
            LocalClock.ToInstant(dueDay, settings.Due.Time, settings.TimeZone),
            period.Label);
    }

    private static Occurrence? FromCron(MaintenanceTask task, string teamId, ScheduleSettings settings, SchedulePeriod period, CronExpression cron, TimeSpan dueAfter)
    {
        var start = LocalClock.ToInstant(period.First, TimeOnly.MinValue, settings.TimeZone);
        var end = LocalClock.ToInstant(period.Last.AddDays(1), TimeOnly.MinValue, settings.TimeZone);
        for (var firing = cron.GetNextValidTimeAfter(start.AddSeconds(-1)); firing is { } at && at < end; firing = cron.GetNextValidTimeAfter(at))
        {
            var local = TimeZoneInfo.ConvertTime(at, settings.TimeZone);
            if (!settings.Holidays.Contains(DateOnly.FromDateTime(local.DateTime)))
            {
                return new Occurrence(period.Key(task.Id, teamId), task, teamId, local, TimeZoneInfo.ConvertTime(at + dueAfter, settings.TimeZone), period.Label);
            }
        }

        return null;
    }

    private static DateOnly AddWorkingDays(ScheduleSettings settings, DateOnly day, int count)
    {
        var searched = 0;
        for (var added = 0; added < count;)
        {
            day = NextDay(day, ref searched);
            if (settings.IsWorkingDay(day))
            {
                added++;
            }
        }

        return day;
    }

    private static DateOnly NextDay(DateOnly day, ref int searched)
    {
        if (++searched > MaxDaysSearched)
        {
            throw new InvalidOperationException("No working day within ten years; check the catalog's working days and holidays.");
        }

        return day.AddDays(1);
    }
}
