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
        var text = new StringBuilder($"**SOC status, {week}**, as of {SocTime.LocalWithZone(now, zone)}\n");
        foreach (var team in scope.Teams)
        {
            var records = await store.ListTeamOccurrencesAsync(scope.TenantId, team.Id, now - reminderOptions.Value.OverdueLookback, now + ReportWindow.Ahead, cancellationToken);
            var thisWeek = Lines(records.Where(r => week.Contains(r.DueAt)), now);
            var earlier = Lines(records.Where(r => r.DueAt < week.Start && (!r.IsResolved || (r.ResolvedAt is { } at && week.Contains(at)))), now);

            text.Append("\n**").Append(team.DisplayName).Append("**: ");
            if (thisWeek.Count == 0)
            {
                text.Append("nothing due this week");
            }
            else
            {
                text.Append(thisWeek.Count).Append(" due this week: ")
                    .AppendJoin(", ", Order.Select(standing => $"{thisWeek.Count(l => l.Standing == standing)} {standing.ToLowerInvariant()}"))
                    .Append(" · ").Append(Rate(thisWeek));
            }

            text.Append("\n\n");
            foreach (var (_, line) in thisWeek)
            {
                text.Append(line).Append('\n');
            }

            if (earlier.Count > 0)
            {
                text.Append(thisWeek.Count > 0 ? "\n" : string.Empty)
                    .Append("_From earlier weeks_: ")
                    .AppendJoin(", ", Order.Select(standing => (standing, count: earlier.Count(l => l.Standing == standing))).Where(s => s.count > 0).Select(s => $"{s.count} {s.standing.ToLowerInvariant()}"))
                    .Append("\n\n");
                foreach (var (_, line) in earlier)
                {
                    text.Append(line).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    private List<(string Standing, string Line)> Lines(IEnumerable<OccurrenceRecord> records, DateTimeOffset now) =>
        records
            .OrderBy(r => r.DueAt)
            .ThenBy(r => r.OccurrenceKey, StringComparer.Ordinal)
            .Select(views.ForRecord)
            .Select(view => (Standing: ReportText.Standing(view, now), Line: ReportText.Line(view, now)))
            .OrderBy(l => Array.IndexOf(Order, l.Standing))
            .ToList();

    /// <summary>The rate of the same occurrences the counts describe: done out of those due this week and not skipped.</summary>
    private static string Rate(List<(string Standing, string Line)> week)
    {
        var skipped = week.Count(l => l.Standing == "Skipped");
        var done = week.Count(l => l.Standing == "Done");
        var counted = week.Count - skipped;
        return counted == 0
            ? "all skipped, no completion rate"
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(100.0 * done / counted)}% done ({done} of {counted}{(skipped > 0 ? $"; {skipped} skipped, not counted" : string.Empty)})");
    }
}
