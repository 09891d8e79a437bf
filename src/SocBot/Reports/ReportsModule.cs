using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using SocBot.Access;
using SocBot.Bindings;
using SocBot.Bot;
using SocBot.Catalog;
using SocBot.Completions;
using SocBot.Protocol.Hosting;
using SocBot.Protocol.Teams;
using SocBot.Reminders;
using SocBot.State;

namespace SocBot.Reports;

/// <summary>
/// The team's commands in its channel or chat: `due`, `status`, `history`, `tasks`, `complete` and `skip` by text, and
/// `export` of the audit log. They cover the teams bound to the conversation, every team in SOC Oversight's channel.
/// </summary>
public sealed partial class ReportsModule(
    ICatalogSource catalogSource,
    ConversationTeams conversationTeams,
    StatusReport status,
    TeamReports reports,
    ReminderViewFactory views,
    CompletionService completions,
    ISocStateStore store,
    ExportStore exports,
    IOptions<ReportsOptions> options,
    TimeProvider time,
    ILogger<ReportsModule> logger) : IBotModule
{
    /// <summary>Replies past this size are not rendered well in Teams; such exports need a link.</summary>
    public const int InlineExportLimit = 20 * 1024;

    public IEnumerable<HelpEntry> Help { get; } =
    [
        new("due [team]", "this team's open reminders, soonest due first"),
        new("status [team]", "this week: done, open, overdue and skipped with who and when (all teams in SOC Oversight's channel)"),
        new("history <task>", "the task's last 10 occurrences with who did them and when"),
        new("tasks [team]", "the team's tasks and their next reminder"),
        new("complete <task> [note]", "mark the team's latest open reminder of that task done"),
        new("skip <task> <reason>", "skip the team's latest open reminder of that task, with a reason"),
        new("export <from> <to>", "the audit log between two dates (yyyy-MM-dd, inclusive) as CSV"),
    ];

    public void Register(ActivityRouter router)
    {
        router.OnCommand("due", (turn, text, ct) => WithTeamAsync(turn, text, "due", (scope, now) => reports.DueAsync(scope, now, ct), ct));
        router.OnCommand("status", (turn, text, ct) => WithTeamAsync(turn, text, "status", (scope, now) => status.WriteAsync(scope, now, ct), ct));
        router.OnCommand("tasks", (turn, text, ct) => WithTeamAsync(turn, text, "tasks", (scope, now) => Task.FromResult(reports.Tasks(scope, now)), ct));
        router.OnCommand("history", HistoryAsync);
        router.OnCommand("complete", (turn, text, ct) => ResolveAsync(turn, text, skip: false, ct));
        router.OnCommand("skip", (turn, text, ct) => ResolveAsync(turn, text, skip: true, ct));
        router.OnCommand("export", ExportAsync);
    }

    private async Task WithTeamAsync(ITurnContext turn, string text, string command, Func<ConversationScope, DateTimeOffset, Task<string>> report, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(turn, text, command, cancellationToken);
        if (scope is not null)
        {
            await turn.SendActivityAsync(await report(scope, time.GetUtcNow()), cancellationToken);
        }
    }

    /// <summary>The named team's scope, else the conversation's; null (after saying why) when neither gives a team.</summary>
    private async Task<ConversationScope?> ScopeAsync(ITurnContext turn, string teamText, string command, CancellationToken cancellationToken)
    {
        var catalog = catalogSource.Current;
        if (teamText.Length > 0)
        {
            if (catalog.FindTeam(teamText.Trim('"')) is { } team)
            {
                return conversationTeams.ForTeam(turn.Activity.GetTenantId() ?? string.Empty, team);
            }

            await turn.SendActivityAsync($"I don't know a SOC team called '{teamText}'. Teams: {TeamIds(catalog)}.", cancellationToken);
            return null;
        }

        var scope = await conversationTeams.ForActivityAsync(turn.Activity, cancellationToken);
        if (scope.IsBound)
        {
            return scope;
        }

        await turn.SendActivityAsync(Unlinked(catalog, command, takesTeam: true), cancellationToken);
        return null;
    }

    private async Task<ConversationScope?> BoundScopeAsync(ITurnContext turn, string command, CancellationToken cancellationToken)
    {
        var scope = await conversationTeams.ForActivityAsync(turn.Activity, cancellationToken);
        if (!scope.IsBound)
        {
            await turn.SendActivityAsync(Unlinked(catalogSource.Current, command, takesTeam: false), cancellationToken);
            return null;
        }

        return scope;
    }

    private async Task HistoryAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        var catalog = catalogSource.Current;
        if (!TaskLookup.TryFind(catalog, text, out var match))
        {
            await turn.SendActivityAsync(UnknownTask(catalog, text, "history <task>"), cancellationToken);
            return;
        }

        if (await BoundScopeAsync(turn, "history", cancellationToken) is { } scope)
        {
            await turn.SendActivityAsync(await reports.HistoryAsync(scope, match.Task, time.GetUtcNow(), cancellationToken), cancellationToken);
        }
    }

    private async Task ResolveAsync(ITurnContext turn, string text, bool skip, CancellationToken cancellationToken)
    {
        var catalog = catalogSource.Current;
        var usage = skip ? "skip <task> <reason>" : "complete <task> [note]";
        if (!TaskLookup.TryFind(catalog, text, out var match))
        {
            await turn.SendActivityAsync(UnknownTask(catalog, text, usage), cancellationToken);
            return;
        }

        if (skip && string.IsNullOrWhiteSpace(match.Rest))
        {
            await turn.SendActivityAsync($"Skipping **{match.Task.Title}** needs a reason: `{usage}`. Nothing was recorded.", cancellationToken);
            return;
        }

        if (await BoundScopeAsync(turn, skip ? "skip" : "complete", cancellationToken) is not { } scope)
        {
            return;
        }

        var record = await LatestOpenAsync(scope, match.Task, cancellationToken);
        if (record is null)
        {
            await turn.SendActivityAsync($"There is no open reminder of **{match.Task.Title}** for {string.Join(", ", scope.Teams.Select(t => t.DisplayName))}. Nothing was recorded.", cancellationToken);
            return;
        }

        var activity = turn.Activity;
        var by = AccessPolicy.ActorOf(activity);
        var result = skip
            ? await completions.SkipAsync(record, turn.ServiceUrl, by, match.Rest, cancellationToken)
            : await completions.CompleteAsync(record, turn.ServiceUrl, by, match.Rest, null, cancellationToken);
        var view = ReportText.Line(views.ForRecord(result.Record), time.GetUtcNow(), withTeam: true);
        Log.ResolvedByText(logger, skip ? "skip" : "complete", record.OccurrenceKey, result.Outcome.ToString());
        await turn.SendActivityAsync(
            result.Outcome == OccurrenceUpdateOutcome.Applied
                ? $"Recorded.\n\n{view}"
                : $"Nothing was recorded: it was already resolved.\n\n{view}",
            cancellationToken);
    }

    /// <summary>The most recently due unresolved occurrence of the task, looking at the conversation's own teams first.</summary>
    private async Task<OccurrenceRecord?> LatestOpenAsync(ConversationScope scope, MaintenanceTask task, CancellationToken cancellationToken)
    {
        var runners = catalogSource.Current.TeamsFor(task);
        var now = time.GetUtcNow();
        foreach (var team in scope.BoundTeams.Concat(scope.Teams).DistinctBy(t => t.Id).Where(t => runners.Any(r => r.Id == t.Id)))
        {
            var open = (await reports.OpenAsync(scope.TenantId, team.Id, now, cancellationToken)).Where(r => r.TaskId == task.Id).ToList();
            if (open.Count > 0)
            {
                return open.MaxBy(r => r.DueAt);
            }
        }

        return null;
    }

    private async Task ExportAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        var catalog = catalogSource.Current;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(catalog.Settings.TimeZone);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 2 || ParseStart(words[0], zone) is not { } from || ParseEnd(words[1], zone) is not { } to || to <= from)
        {
            await turn.SendActivityAsync($"Say `export <from> <to>` with two dates (yyyy-MM-dd, {zone.Id}), the second not before the first, e.g. `export 2026-01-01 2026-01-31`.", cancellationToken);
            return;
        }

        if (await BoundScopeAsync(turn, "export", cancellationToken) is not { } scope)
        {
            return;
        }

        var entries = new List<AuditEntry>(await store.ReadAuditAsync(scope.TenantId, null, from, to, cancellationToken));
        foreach (var team in scope.Teams)
        {
            entries.AddRange(await store.ReadAuditAsync(scope.TenantId, team.Id, from, to, cancellationToken));
        }

        var rows = entries.Distinct().OrderBy(e => e.At).ThenBy(e => e.TeamId, StringComparer.Ordinal).ThenBy(e => e.OccurrenceKey, StringComparer.Ordinal).ToList();
        var csv = AuditCsv.Write(rows);
        var range = $"{words[0]} to {words[1]}";
        Log.Exported(logger, rows.Count, scope.Teams.Count);
        if (options.Value.PublicBaseUrl is { } baseUrl)
        {
            var link = $"{baseUrl.AbsoluteUri.TrimEnd('/')}/exports/{exports.Add(csv)}.csv";
            await turn.SendActivityAsync($"Audit log {range}: {rows.Count} entries. [Download the CSV]({link}) (the link works for {ExportStore.Lifetime.TotalMinutes:0} minutes).", cancellationToken);
        }
        else if (Encoding.UTF8.GetByteCount(csv) <= InlineExportLimit)
        {
            var fence = Fence(csv);
            await turn.SendActivityAsync($"Audit log {range}: {rows.Count} entries.\n\n{fence}csv\n{csv.Replace("\r\n", "\n", StringComparison.Ordinal)}{fence}", cancellationToken);
        }
        else
        {
            await turn.SendActivityAsync($"Audit log {range}: {rows.Count} entries, too large to show here. Set SocBot:PublicBaseUrl so I can link to a download, or export a shorter range.", cancellationToken);
        }
    }

    private static DateTimeOffset? ParseStart(string word, TimeZoneInfo zone) =>
        DateOnly.TryParseExact(word, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? Scheduling.LocalClock.ToInstant(day, TimeOnly.MinValue, zone)
            : null;

    /// <summary>The end of the range: the day after the <paramref name="word"/>'s day, so the last day is included.</summary>
    private static DateTimeOffset? ParseEnd(string word, TimeZoneInfo zone) =>
        DateOnly.TryParseExact(word, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? Scheduling.LocalClock.ToInstant(day.AddDays(1), TimeOnly.MinValue, zone)
            : null;

    /// <summary>A code fence longer than any run of backticks in the text, so no note can close it early.</summary>
    private static string Fence(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return new string('`', Math.Max(3, longest + 1));
    }

    private static string TeamIds(SocCatalog catalog) => string.Join(", ", catalog.Teams.Select(t => $"`{t.Id}`"));

    private static string Unlinked(SocCatalog catalog, string command, bool takesTeam) =>
        $"This conversation isn't linked to a SOC team, so `{command}` has no team to work on. "
        + (takesTeam ? $"Name one (`{command} <team>`), ask" : "Ask")
        + $" in a team's channel, or have an admin say `link <team>` here. Teams: {TeamIds(catalog)}.";

    private static string UnknownTask(SocCatalog catalog, string text, string usage) =>
        (text.Length == 0 ? $"Which task? Say `{usage}`." : $"I don't know the task '{text}'.")
        + $" Tasks: {string.Join(", ", catalog.Tasks.Select(t => $"`{t.Id}`"))}.";

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Text {Command} on {OccurrenceKey}: {Outcome}")]
        public static partial void ResolvedByText(ILogger logger, string command, string occurrenceKey, string outcome);

        [LoggerMessage(Level = LogLevel.Information, Message = "Exported {Count} audit entries for {TeamCount} teams")]
        public static partial void Exported(ILogger logger, int count, int teamCount);
    }
}
