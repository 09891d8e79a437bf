#:project ../../src/SocBot/SocBot.csproj
#:property PublishAot=false

// Writes example cards built by SocBot's own card builders from the built-in catalog, for the README screenshots:
//   dotnet run docs/images/card-examples.cs -- <output folder>
// docs/images/screenshots.sh renders them with Microsoft's renderer and a headless Chromium.
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocBot.Catalog;
using SocBot.Ownership;
using SocBot.Reminders;
using SocBot.Scheduling;
using SocBot.State;

var output = args.Length == 1 ? args[0] : throw new ArgumentException("usage: card-examples.cs <output folder>");
Directory.CreateDirectory(output);

var catalog = new FixedCatalogSource(CatalogLoader.LoadDefault());
var schedule = new OccurrenceSchedule(catalog);
var views = new ReminderViewFactory(catalog, schedule);
const string tenant = "00000000-0000-0000-0000-000000000001";

// A Monday morning in November: the weekly and daily tasks are due this week.
var monday = new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);
var week = schedule.List(monday, monday.AddDays(7));
// The team with the most different tasks this week, each task once (the first occurrence), as its channel would see them.
var team = week.GroupBy(o => o.TeamId).MaxBy(g => g.DistinctBy(o => o.Task.Id).Count())!;
var teamTasks = team.DistinctBy(o => o.Task.Id).Select(o => views.ForOccurrence(tenant, o, postedLate: false, unboundTeamName: null)).ToList();

var open = teamTasks[0];
var done = open with
{
    State = OccurrenceState.Completed,
    ResolvedBy = new Actor("aad-ada", "Ada Lovelace"),
    ResolvedAt = monday.AddHours(1.5),
    Note = "Tickets SN-4411 and SN-4415 updated",
};
// Monday 09:00 as SOC Oversight's channel sees it when only Monitoring has its own channel: the other teams' reminders,
// one digest, the team named on each row; by 19:00 one row was done and the daily ones left are overdue.
var mondayAt9 = new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
var oversight = schedule.List(mondayAt9.AddHours(-12), mondayAt9.AddTicks(1))
    .Where(o => o.TeamId != "monitoring")
    .OrderBy(o => o.DueAt).ThenBy(o => o.Key.ToString(), StringComparer.Ordinal)
    .Select(o => views.ForOccurrence(tenant, o, postedLate: false, unboundTeamName: o.TeamId == "soc-oversight" ? null : catalog.Current.FindTeam(o.TeamId)!.DisplayName))
    .ToList();
var mondayAt19 = mondayAt9.AddHours(10);
var digestLater = oversight.Select((v, i) => i == 1
    ? v with { State = OccurrenceState.Completed, ResolvedBy = new Actor("aad-grace", "Grace Hopper"), ResolvedAt = mondayAt9.AddHours(2.25) }
    : v).ToList();

// Contacts as a catalog would list them (the default catalog has none): one with an Entra object id, others by UPN.
var contacts = new Dictionary<string, TeamContact[]>
{
    ["soc-oversight"] = [new("Ada Lovelace", "ada.lovelace@contoso.com", Guid.Parse("3f6b2c1e-8d4a-4e59-9b1f-2a7c5d9e0f11"))],
    ["csirt"] = [new("Grace Hopper", "grace.hopper@contoso.com")],
    ["threat-intelligence"] = [new("Alan Turing", "alan.turing@contoso.com")],
    ["engineering-secops"] = [],
    ["monitoring"] = [new("Katherine Johnson", "katherine.johnson@contoso.com"), new("Dorothy Vaughan", "dorothy.vaughan@contoso.com")],
};
var link = PostedCardLink.To(tenant, "19:oversight@thread.tacv2;messageid=1764579600000", "1764579600000");
OverdueTask Overdue(ReminderView v) => new(v, contacts[v.Data.TeamId], link);
var overdueRows = digestLater.Where(v => !v.IsResolved && v.DueAt <= mondayAt19).Select(Overdue).ToList();
var single = views.ForOccurrence(tenant, week.First(o => o.TeamId == "monitoring" && o.DueAt <= mondayAt19), false, null);

Write("reminder", ReminderCards.Reminder(open, monday));
Write("reminder-completed", ReminderCards.Reminder(done, monday.AddHours(2)));
Write("digest", ReminderCards.Digest(digestLater, mondayAt9.AddHours(3)));
Write("nudge", EscalationCards.Nudge([Overdue(single)], mondayAt19));
Write("nudge-digest", EscalationCards.Nudge(overdueRows, mondayAt19));
Write("escalation", EscalationCards.Summary([.. overdueRows, Overdue(single)], mondayAt19.AddHours(6)));

var answerer = new OwnershipAnswerer(new CatalogOwnershipCorpusSource(catalog), NullLogger<OwnershipAnswerer>.Instance);
Write("who-owns", OwnershipCards.ToCard(answerer.Answer("who owns the secure score report?")));
Write("who-owns-unknown", OwnershipCards.ToCard(answerer.Answer("who subscribes us to threat feeds from vendors?")));

var semanticOptions = Options.Create(new OwnershipSemanticOptions());
using var model = new ArcticXsSentenceEmbedder(semanticOptions);
var byMeaning = new OwnershipAnswerer(
    new CatalogOwnershipCorpusSource(catalog),
    NullLogger<OwnershipAnswerer>.Instance,
    new OwnershipSemantics(model, semanticOptions, NullLogger<OwnershipSemantics>.Instance));
byMeaning.PrepareSemanticIndex(CancellationToken.None);
Write("who-owns-by-meaning", OwnershipCards.ToCard(byMeaning.Answer("who pulls a memory image off a hacked laptop?")));
Write("who-owns-outside-soc", OwnershipCards.ToCard(byMeaning.Answer("who handles expense reports?")));

void Write(string name, SocBot.Cards.AdaptiveCard card)
{
    var path = Path.Combine(output, name + ".json");
    File.WriteAllText(path, card.ToJson());
    Console.WriteLine(path);
}
