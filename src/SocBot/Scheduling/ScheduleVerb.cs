using System.Globalization;
using Microsoft.Extensions.Options;
using SocBot.Catalog;
using SocBot.Cli;
using SocBot.Reminders;

namespace SocBot.Scheduling;

/// <summary>
/// <c>schedule --from &lt;date&gt; --to &lt;date&gt; [--team &lt;id&gt;]</c>: every occurrence reminded from the start of
/// --from up to (not including) the start of --to, both days in the org's time zone, with reminder and due times there.
/// </summary>
public sealed class ScheduleVerb(ICatalogSource source, OccurrenceSchedule schedule) : ICliVerb
{
    public string Name => "schedule";

    public string Summary => "--from <yyyy-MM-dd> --to <yyyy-MM-dd> [--team <id>]  occurrences reminded in [from, to)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var arguments = new VerbArguments(args, "from", "to", "team");
        if (arguments.Positionals.Count > 0)
        {
            throw new CliUsageException($"Unexpected word '{arguments.Positionals[0]}'.");
        }

        var fromDay = ParseDay(arguments.Required("from"), "from");
        var toDay = ParseDay(arguments.Required("to"), "to");
        if (toDay <= fromDay)
        {
            throw new CliUsageException("--to must be a later day than --from (the range is [from, to)).");
        }

        SocCatalog catalog;
        try
        {
            catalog = source.Current;
        }
        catch (CatalogLoadException e)
        {
            foreach (var error in e.Errors)
            {
                await console.Error.WriteLineAsync(error.ToString());
            }

            return ExitCodes.InvalidInput;
        }
        catch (OptionsValidationException e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return ExitCodes.InvalidInput;
        }

        string? teamId = null;
        if (arguments.Optional("team") is { } teamName)
        {
            var team = catalog.FindTeam(teamName);
            if (team is null)
            {
                await console.Error.WriteLineAsync($"Unknown team '{teamName}' (teams: {string.Join(", ", catalog.Teams.Select(t => t.Id))}).");
                return ExitCodes.InvalidInput;
            }

            teamId = team.Id;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(catalog.Settings.TimeZone);
        var from = LocalClock.ToInstant(fromDay, TimeOnly.MinValue, zone);
        var to = LocalClock.ToInstant(toDay, TimeOnly.MinValue, zone);
        var occurrences = schedule.List(from, to, teamId);

        var culture = CultureInfo.InvariantCulture;
        await console.Out.WriteLineAsync(string.Create(culture, $"{occurrences.Count} occurrence(s) reminded from {fromDay:yyyy-MM-dd} to {toDay:yyyy-MM-dd} (exclusive), times in {SocTime.ZoneName(zone)}").AsMemory(), cancellationToken);
        var teamNames = catalog.Teams.ToDictionary(t => t.Id, t => t.DisplayName, StringComparer.Ordinal);
        var titleWidth = Math.Min(TitleWidth, occurrences.Select(o => o.Task.Title.Length).DefaultIfEmpty(5).Max());
        var teamWidth = Math.Min(TeamWidth, occurrences.Select(o => teamNames[o.TeamId].Length).DefaultIfEmpty(4).Max());
        await console.Out.WriteLineAsync($"{"remind",-22} {"due",-22} {"team".PadRight(teamWidth)} {"period",-18} {"task".PadRight(titleWidth)} key".AsMemory(), cancellationToken);
        foreach (var occurrence in occurrences)
        {
            var line = string.Create(culture, $"{Format(occurrence.RemindAt, zone),-22} {Format(occurrence.DueAt, zone),-22} {Fit(teamNames[occurrence.TeamId], teamWidth)} {occurrence.PeriodLabel,-18} {Fit(occurrence.Task.Title, titleWidth)} {occurrence.Key}");
            await console.Out.WriteLineAsync(line.AsMemory(), cancellationToken);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Long titles and team names are cut to keep one occurrence a line; the key after them names both in full.</summary>
    private const int TitleWidth = 48;

    private const int TeamWidth = 32;

    private static string Fit(string title, int width) => title.Length <= width ? title.PadRight(width) : title[..(width - 1)] + "…";

    private static string Format(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new CliUsageException($"--{option} '{text}' is not a date (yyyy-MM-dd).");
}
