#:project ../../src/SocBot/SocBot.csproj
#:property PublishAot=false

// Writes example cards built by SocBot's own card builders from the built-in catalog, for the README screenshots:
//   dotnet run docs/images/card-examples.cs -- <output folder>
// docs/images/screenshots.sh renders them with Microsoft's renderer and a headless Chromium.
using Microsoft.Extensions.Logging.Abstractions;
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
var overdue = week.DistinctBy(o => o.Task.Id).Take(3).Select(o => views.ForOccurrence(tenant, o, false, null)).ToList();

Write("reminder", ReminderCards.Reminder(open, monday));
Write("reminder-completed", ReminderCards.Reminder(done, monday.AddHours(2)));
Write("digest", ReminderCards.Digest(open.TeamName, teamTasks, monday));
Write("escalation", EscalationCards.Summary(overdue, monday.AddDays(8)));

var answerer = new OwnershipAnswerer(new CatalogOwnershipCorpusSource(catalog), NullLogger<OwnershipAnswerer>.Instance);
Write("who-owns", OwnershipCards.ToCard(answerer.Answer("who owns the secure score report?")));

void Write(string name, SocBot.Cards.AdaptiveCard card)
{
    var path = Path.Combine(output, name + ".json");
    File.WriteAllText(path, card.ToJson());
    Console.WriteLine(path);
}
