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
    public IEnumerable<HelpEntry> Help { get; } = [new("run <task>", "post a reminder for an as-needed task now (e.g. run run-ir-tabletop-exercise)")];

    public void Register(ActivityRouter router) => router.OnCommand("run", RunAsync);

    private async Task RunAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        var catalog = catalogSource.Current;
        var onDemand = catalog.Tasks.Where(t => t.Cadence.OnDemand).ToList();
        var startable = $"Tasks that can be run on demand: {string.Join(", ", onDemand.Select(t => $"`{t.Id}`"))}.";
        if (!TaskLookup.TryFind(catalog, text, out var match))
        {
            await turn.SendActivityAsync((text.Length == 0 ? "Which task? Say `run <task>`. " : $"I don't know the task '{text}'. ") + startable, cancellationToken);
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
            await turn.SendActivityAsync($"**{task.Title}** is run by every SOC team, and this conversation is not linked to one. Run it in a team's channel, or link this one with `link <team>`.", cancellationToken);
            return;
        }

        var run = await runner.RunAsync(turn.Activity.GetTenantId() ?? scope.TenantId, task, team.Id, cancellationToken);
        var zone = catalog.Settings.For(team.Id).TimeZone;
        var due = $"due {SocTime.Local(run.Occurrence.DueAt, zone)} ({SocTime.DueHint(run.Occurrence.DueAt, run.Occurrence.RemindAt)})";
        var reply = run.Outcome switch
        {
            AdHocRunOutcome.Posted => $"Started **{task.Title}** for **{team.DisplayName}**, {due}. The card is in {run.Target!.ChannelTitle}'s channel.",
            AdHocRunOutcome.PostFailed => $"Started **{task.Title}** for **{team.DisplayName}**, {due}, but I couldn't post its card. It shows in `due`; complete it with `complete {task.Id}`.",
            _ => $"I can't reach a channel for **{team.DisplayName}** or SOC Oversight, so nothing was started. Link one with `link {team.Id}`.",
        };
        await turn.SendActivityAsync(reply, cancellationToken);
    }
}
