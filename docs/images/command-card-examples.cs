#:project ../../src/SocBot/SocBot.csproj
#:property PublishAot=false

// Writes the cards of SocBot's commands (the welcome on install, the channel's export summary) from the built-in
// catalog, for the README screenshots: dotnet run docs/images/command-card-examples.cs -- <output folder>
using System.Text;
using SocBot.Bot;
using SocBot.Catalog;
using SocBot.Reports;
using SocBot.State;

var output = args.Length == 1 ? args[0] : throw new ArgumentException("usage: command-card-examples.cs <output folder>");
Directory.CreateDirectory(output);
var catalog = CatalogLoader.LoadDefault();
var monday = new DateTimeOffset(2026, 11, 16, 18, 0, 0, TimeSpan.Zero);

Write("welcome", WelcomeCards.Welcome(catalog, "Contoso SOC"));

var export = new StoredExport("tenant", "0123", "socbot-audit-2026-11-16.csv", Encoding.UTF8.GetBytes("when,task\r\n"), new Actor("aad-ada", "Ada Lovelace"), monday, monday.AddHours(1));
var range = ExportRange.Parse(["2026-11-16"], TimeZoneInfo.Utc, monday)!;
var prepared = new PreparedExport(export, range, 9, false,
[
    new ExportTeamCounts("Monitoring", [new("completed", 4), new("skipped", 1), new("snoozed", 1)]),
    new ExportTeamCounts("Threat Intelligence & Analytics", [new("completed", 2)]),
    new ExportTeamCounts("SOC Oversight", [new("channel linked", 1)]),
]);
Write("export-summary", ExportCards.Summary(prepared, "Ada Lovelace", "Ada Lovelace, I sent you the file in our personal chat."));

void Write(string name, SocBot.Cards.AdaptiveCard card)
{
    var path = Path.Combine(output, name + ".json");
    File.WriteAllText(path, card.ToJson());
    Console.WriteLine(path);
}
