using SocBot.Bindings;
using SocBot.Bot;
using SocBot.Catalog;
using SocBot.Protocol.Hosting;
using SocBot.Protocol.Teams;
using SocBot.Reminders;
using SocBot.Reports;

namespace SocBot.AdHoc;

/// <summary>
/// `run &lt;task&gt;`: an on-demand occurrence of an as-needed task, for the team this channel is bound to when it runs
/// the task, else the task's owner.
/// </summary>
public sealed class RunModule(ICatalogSource catalogSource, ConversationTeams conversationTeams, AdHocRunner runner) : IBotModule
{
    public IEnumerable<HelpEntry> Help { get; } = [new("run ‹task›", "post a reminder for an as-needed task now (e.g. run tabletop)")];

    public void Register(ActivityRouter router) => router.OnCommand("run", RunAsync);

    private async Task RunAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        var catalog = catalogSource.Current;
        var onDemand = catalog.Tasks.Where(t => t.Cadence.OnDemand).ToList();
        var startable = $"Tasks that can be run on demand: {TaskReplies.Titles(onDemand)}.";
        var lookup = TaskLookup.Find(catalog, text);
        if (lookup.IsAmbiguous && lookup.Candidates.Count(t => t.Cadence.OnDemand) == 1)
        {
            lookup = TaskLookupResult.Found(new TaskMatch(lookup.Candidates.Single(t => t.Cadence.OnDemand), string.Empty));
        }

        if (lookup.Match is not { } match)
        {
            await turn.SendActivityAsync(TaskReplies.NotMatched(lookup, text, "run ‹task›", onDemand), cancellationToken);
            return;
        }

        var task = match.Task;
        if (!task.Cadence.OnDemand)
        {
            await turn.SendActivityAsync($"**{task.Title}** is {task.Cadence}: it is reminded on its schedule and can't be run on demand. {startable}", cancellationToken);
            return;
        }

        var scope = await conversationTeams.ForActivityAsync(turn.Activity, cancellationToken);
        var runners = catalog.TeamsFor(task);
        var team = scope.BoundTeams.FirstOrDefault(t => runners.Any(r => r.Id == t.Id))
            ?? (task.AllTeams ? null : runners.FirstOrDefault());
        if (team is null)
        {
            await turn.SendActivityAsync($"**{task.Title}** is run by every SOC team, and this conversation is not linked to one. Run it in a team's channel, or have an admin link this one with `link ‹team›`.", cancellationToken);
            return;
        }

        var run = await runner.RunAsync(turn.Activity.GetTenantId() ?? scope.TenantId, task, team.Id, cancellationToken);
        var zone = catalog.Settings.For(team.Id).TimeZone;
        var due = $"due {SocTime.LocalWithZone(run.Occurrence.DueAt, zone)} ({SocTime.DueHint(run.Occurrence.DueAt, run.Occurrence.RemindAt)})";
        var reply = run.Outcome switch
        {
            AdHocRunOutcome.Posted => $"Started **{task.Title}** for **{team.DisplayName}**, {due}. The card is in {run.Target!.ChannelTitle}'s channel.",
            AdHocRunOutcome.PostFailed => $"Started **{task.Title}** for **{team.DisplayName}**, {due}, but I couldn't post its card. It shows in `due`; complete it with `complete {task.Title}`.",
            _ => $"I can't reach a channel for **{team.DisplayName}** or SOC Oversight, so nothing was started. Link one with `link {team.Id}`.",
        };
        await turn.SendActivityAsync(reply, cancellationToken);
    }
}
