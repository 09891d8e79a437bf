using System.Text;
using Microsoft.Extensions.Options;
using SocBot.Bindings;
using SocBot.Catalog;
using SocBot.Reminders;
using SocBot.Scheduling;
using SocBot.State;

namespace SocBot.Reports;

/// <summary>The smaller reports: `due` (what is open now), `history ‹task›` and `tasks` (with the next reminder).</summary>
public sealed class TeamReports(
    ISocStateStore store,
    ICatalogSource catalogSource,
    OccurrenceSchedule schedule,
    ReminderViewFactory views,
    IOptions<ReminderOptions> reminderOptions)
{
    private const int HistoryLength = 10;

    /// <summary>Claimed occurrences nobody has completed or skipped yet, soonest due first.</summary>
    public async Task<IReadOnlyList<OccurrenceRecord>> OpenAsync(string tenantId, string teamId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var records = await store.ListTeamOccurrencesAsync(tenantId, teamId, now - reminderOptions.Value.OverdueLookback, now + ReportWindow.Ahead, cancellationToken);
        return records.Where(r => !r.IsResolved).OrderBy(r => r.DueAt).ThenBy(r => r.OccurrenceKey, StringComparer.Ordinal).ToList();
    }

    public async Task<string> DueAsync(ConversationScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var team in scope.Teams)
        {
            var open = await OpenAsync(scope.TenantId, team.Id, now, cancellationToken);
            text.Append("**Open for ").Append(team.DisplayName).Append("** (").Append(open.Count).Append(")\n\n");
            if (open.Count == 0)
            {
                text.Append("- nothing open\n");
            }

            foreach (var record in open)
            {
                text.Append(ReportText.Line(views.ForRecord(record), now)).Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd() + "\n";
    }

    /// <summary>The task's last occurrences for each team in scope that runs it, newest first.</summary>
    public async Task<string> HistoryAsync(ConversationScope scope, MaintenanceTask task, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var catalog = catalogSource.Current;
        var teams = scope.Teams.Where(t => catalog.TeamsFor(task).Any(r => r.Id == t.Id)).ToList();
        if (teams.Count == 0)
        {
            return $"**{task.Title}** is not a task of {string.Join(", ", scope.Teams.Select(t => t.DisplayName))}.";
        }

        var text = new StringBuilder();
        foreach (var team in teams)
        {
            var history = (await store.ListTaskHistoryAsync(scope.TenantId, team.Id, task.Id, now - ReportWindow.HistoryBack, now + ReportWindow.Ahead, cancellationToken))
                .OrderByDescending(r => r.DueAt)
                .ThenByDescending(r => r.ClaimedAt)
                .Take(HistoryLength)
                .ToList();
            text.Append("**History of ").Append(task.Title).Append(" for ").Append(team.DisplayName).Append("** (last ").Append(history.Count).Append(")\n\n");
            if (history.Count == 0)
            {
                text.Append("- no reminders yet\n");
            }

            foreach (var record in history)
            {
                text.Append(ReportText.Line(views.ForRecord(record), now)).Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd() + "\n";
    }

    /// <summary>Each team's tasks with their next reminder in the coming 100 days, or how to start an on-demand one.</summary>
    public string Tasks(ConversationScope scope, DateTimeOffset now)
    {
        var catalog = catalogSource.Current;
        var text = new StringBuilder();
        foreach (var team in scope.Teams)
        {
            var zone = catalog.Settings.For(team.Id).TimeZone;
            var next = schedule.List(now, now + ReportWindow.Ahead, team.Id)
                .GroupBy(o => o.Task.Id)
                .ToDictionary(g => g.Key, g => g.First());
            text.Append("**Tasks of ").Append(team.DisplayName).Append("**\n\n");
            foreach (var task in catalog.TasksFor(team.Id))
            {
                text.Append("- **").Append(task.Title).Append("**: ").Append(task.Cadence);
                if (next.TryGetValue(task.Id, out var occurrence))
                {
                    text.Append("; next reminder ").Append(SocTime.LocalWithZone(occurrence.RemindAt, zone));
                }
                else if (task.Cadence.IsScheduled)
                {
                    text.Append("; no reminder in the next 100 days");
                }

                if (task.Cadence.OnDemand)
                {
                    text.Append("; say `run ").Append(task.Title).Append("` to start one now");
                }

                text.Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd() + "\n";
    }
}
