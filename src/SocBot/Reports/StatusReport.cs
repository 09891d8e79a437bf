using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using SocBot.Bindings;
using SocBot.Catalog;
using SocBot.Reminders;
using SocBot.State;

namespace SocBot.Reports;

/// <summary>
/// `status`: this ISO week (org time zone) for each team in scope: what is done, skipped, overdue or open, with who and
/// when, plus anything older still open, and the week's completion rate per team. The chat command and the CLI print it.
/// </summary>
public sealed class StatusReport(ISocStateStore store, ICatalogSource catalogSource, ReminderViewFactory views, IOptions<ReminderOptions> reminderOptions)
{
    private static readonly string[] Order = ["Overdue", "Open", "Done", "Skipped"];

    public async Task<string> WriteAsync(ConversationScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var catalog = catalogSource.Current;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(catalog.Settings.TimeZone);
        var week = ReportWeek.Containing(now, zone);
        var text = new StringBuilder($"**SOC status, {week}**, as of {SocTime.Local(now, zone)} ({zone.Id})\n");
        foreach (var team in scope.Teams)
        {
            var records = await store.ListTeamOccurrencesAsync(scope.TenantId, team.Id, now - reminderOptions.Value.OverdueLookback, now + ReportWindow.Ahead, cancellationToken);
            var lines = records
                .Where(r => week.Contains(r.DueAt) || !r.IsResolved || (r.ResolvedAt is { } at && week.Contains(at)))
                .OrderBy(r => r.DueAt)
                .ThenBy(r => r.OccurrenceKey, StringComparer.Ordinal)
                .Select(views.ForRecord)
                .Select(view => (Standing: ReportText.Standing(view, now), Line: ReportText.Line(view, now)))
                .OrderBy(l => Array.IndexOf(Order, l.Standing))
                .ToList();
            var rates = await store.GetWeeklyCompletionRatesAsync(scope.TenantId, team.Id, week.Start, week.End, cancellationToken);

            text.Append("\n**").Append(team.DisplayName).Append("**: ")
                .AppendJoin(", ", Order.Select(standing => $"{lines.Count(l => l.Standing == standing)} {standing.ToLowerInvariant()}"))
                .Append(" · ").Append(Rate(rates)).Append("\n\n");
            if (lines.Count == 0)
            {
                text.Append("- nothing due this week\n");
            }

            foreach (var (_, line) in lines)
            {
                text.Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Rate(IReadOnlyList<WeeklyCompletionRate> weeks)
    {
        var due = weeks.Sum(w => w.Due);
        var skipped = weeks.Sum(w => w.Skipped);
        var completed = weeks.Sum(w => w.Completed);
        var counted = due - skipped;
        return counted <= 0
            ? "completion this week: nothing counted yet"
            : string.Create(CultureInfo.InvariantCulture, $"completion this week: {Math.Round(100.0 * completed / counted)}% ({completed} of {counted} done, {skipped} skipped)");
    }
}
