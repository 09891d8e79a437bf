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
/// The team's commands in its channel or chat: `due`, `status`, `history`, `tasks`, `complete` and `skip` by text.
/// They cover the teams bound to the conversation, every team in SOC Oversight's channel.
/// </summary>
public sealed partial class ReportsModule(
    ICatalogSource catalogSource,
    ConversationTeams conversationTeams,
    StatusReport status,
    TeamReports reports,
    ReminderViewFactory views,
    CompletionService completions,
    TimeProvider time,
    ILogger<ReportsModule> logger) : IBotModule
{
    public IEnumerable<HelpEntry> Help { get; } =
    [
        new("due [team]", "what is open now, soonest due first"),
        new("status [team]", "this week: done, open, overdue, skipped, and the completion rate"),
        new("tasks [team]", "the team's tasks and their next reminder"),
        new("history ‹task›", "who did the task's last 10 occurrences, and when"),
        new("complete ‹task› [note]", "mark the oldest open reminder of the task done"),
        new("skip ‹task› ‹reason›", "skip the oldest open reminder of the task, with a reason"),
    ];

    public void Register(ActivityRouter router)
    {
        router.OnCommand("due", (turn, text, ct) => WithTeamAsync(turn, text, "due", (scope, now) => reports.DueAsync(scope, now, ct), ct));
        router.OnCommand("status", (turn, text, ct) => WithTeamAsync(turn, text, "status", (scope, now) => status.WriteAsync(scope, now, ct), ct));
        router.OnCommand("tasks", (turn, text, ct) => WithTeamAsync(turn, text, "tasks", (scope, now) => Task.FromResult(reports.Tasks(scope, now)), ct));
        router.OnCommand("history", HistoryAsync);
        router.OnCommand("complete", (turn, text, ct) => ResolveAsync(turn, text, skip: false, ct));
        router.OnCommand("skip", (turn, text, ct) => ResolveAsync(turn, text, skip: true, ct));
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
        var lookup = TaskLookup.Find(catalog, text);
        if (lookup.Match is not { } match)
        {
            await turn.SendActivityAsync(TaskReplies.NotMatched(lookup, text, "history ‹task›", catalog.Tasks), cancellationToken);
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
        var usage = skip ? "skip ‹task› ‹reason›" : "complete ‹task› [note]";
        var lookup = TaskLookup.Find(catalog, text);
        if (lookup.Match is not { } match)
        {
            await turn.SendActivityAsync(TaskReplies.NotMatched(lookup, text, usage, catalog.Tasks), cancellationToken);
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

        var open = await OpenOccurrencesAsync(scope, match.Task, cancellationToken);
        if (open.Count == 0)
        {
            await turn.SendActivityAsync($"There is no open reminder of **{match.Task.Title}** for {string.Join(", ", scope.Teams.Select(t => t.DisplayName))}. Nothing was recorded.", cancellationToken);
            return;
        }

        var record = open[0];
        var activity = turn.Activity;
        var by = AccessPolicy.ActorOf(activity);
        var result = skip
            ? await completions.SkipAsync(record, null, turn.ServiceUrl, by, match.Rest, cancellationToken)
            : await completions.CompleteAsync(record, null, turn.ServiceUrl, by, match.Rest, null, cancellationToken);
        var now = time.GetUtcNow();
        var resolved = views.ForRecord(result.Record);
        var line = ReportText.Line(resolved, now, withTeam: true);
        Log.ResolvedByText(logger, skip ? "skip" : "complete", record.OccurrenceKey, result.Outcome.ToString());
        if (result.Outcome != OccurrenceUpdateOutcome.Applied)
        {
            await turn.SendActivityAsync($"Nothing was recorded: it was already resolved.\n\n{line}", cancellationToken);
            return;
        }

        var closed = open.Count > 1 ? $"{resolved.PeriodLabel}, the oldest open one" : resolved.PeriodLabel;
        var stillOpen = open.Count > 1
            ? $"\n\nStill open: {string.Join(", ", open.Skip(1).Select(r => views.ForRecord(r).PeriodLabel))}."
            : string.Empty;
        await turn.SendActivityAsync($"Recorded **{match.Task.Title}** ({closed}) as {(skip ? "skipped" : "done")}.\n\n{line}{stillOpen}", cancellationToken);
    }

    /// <summary>
    /// The task's unresolved occurrences, oldest due first, for the first of the conversation's own teams (then the teams it
    /// reports on) that has any: `complete` and `skip` close the oldest, so overdue work is never left behind tomorrow's.
    /// </summary>
    private async Task<IReadOnlyList<OccurrenceRecord>> OpenOccurrencesAsync(ConversationScope scope, MaintenanceTask task, CancellationToken cancellationToken)
    {
        var runners = catalogSource.Current.TeamsFor(task);
        var now = time.GetUtcNow();
        foreach (var team in scope.BoundTeams.Concat(scope.Teams).DistinctBy(t => t.Id).Where(t => runners.Any(r => r.Id == t.Id)))
        {
            var open = (await reports.OpenAsync(scope.TenantId, team.Id, now, cancellationToken)).Where(r => r.TaskId == task.Id).ToList();
            if (open.Count > 0)
            {
                return open;
            }
        }

        return [];
    }

    private static string TeamIds(SocCatalog catalog) => string.Join(", ", catalog.Teams.Select(t => $"`{t.Id}`"));

    private static string Unlinked(SocCatalog catalog, string command, bool takesTeam) =>
        $"This conversation isn't linked to a SOC team, so `{command}` has no team to work on. "
        + (takesTeam ? $"Name one (`{command} ‹team›`), ask" : "Ask")
        + $" in a team's channel, or have an admin say `link ‹team›` here. Teams: {TeamIds(catalog)}.";

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Text {Command} on {OccurrenceKey}: {Outcome}")]
        public static partial void ResolvedByText(ILogger logger, string command, string occurrenceKey, string outcome);

    }
}
