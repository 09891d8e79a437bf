using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using SocBot.Cli;

namespace SocBot.Catalog;

/// <summary>
/// <c>catalog validate [file]</c>, <c>catalog show</c> and <c>catalog import --tasks &lt;md&gt; --roles &lt;md&gt; --out &lt;file&gt;</c>.
/// </summary>
public sealed class CatalogVerb(ICatalogSource source, IOptions<CatalogOptions> options) : ICliVerb
{
    public string Name => "catalog";

    public string Summary => "validate [file] | show | import --tasks <md> --roles <md> --out <file>";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.Count == 0)
        {
            throw new CliUsageException("Say what to do with the catalog: validate, show or import.");
        }

        var rest = args.Skip(1);
        return args[0].ToLowerInvariant() switch
        {
            "validate" => await ValidateAsync(new VerbArguments(rest), console, cancellationToken),
            "show" => await ShowAsync(new VerbArguments(rest), console, cancellationToken),
            "import" => await ImportAsync(new VerbArguments(rest, "tasks", "roles", "out"), console, cancellationToken),
            _ => throw new CliUsageException($"Unknown catalog command '{args[0]}' (expected validate, show or import)."),
        };
    }

    private async Task<int> ValidateAsync(VerbArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.Positionals.Count > 1)
        {
            throw new CliUsageException("catalog validate takes at most one file.");
        }

        var file = args.Positionals.Count == 1 ? args.Positionals[0] : null;
        var catalog = await LoadAsync(file, console);
        if (catalog is null)
        {
            return ExitCodes.InvalidInput;
        }

        var name = file ?? options.Value.CatalogPath ?? CatalogLoader.DefaultCatalogName;
        await console.Out.WriteLineAsync($"{name}: valid ({catalog.Teams.Count} teams, {catalog.Tasks.Count} tasks, {catalog.Synonyms.Count} synonyms)".AsMemory(), cancellationToken);
        return ExitCodes.Ok;
    }

    private async Task<int> ShowAsync(VerbArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.Positionals.Count > 0)
        {
            throw new CliUsageException("catalog show takes no arguments; it shows the configured catalog.");
        }

        var catalog = await LoadAsync(null, console);
        if (catalog is null)
        {
            return ExitCodes.InvalidInput;
        }

        await console.Out.WriteAsync(Describe(catalog).AsMemory(), cancellationToken);
        return ExitCodes.Ok;
    }

    private static async Task<int> ImportAsync(VerbArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        var tasksPath = args.Required("tasks");
        var rolesPath = args.Required("roles");
        var outPath = args.Required("out");
        if (args.Positionals.Count > 0)
        {
            throw new CliUsageException($"Unexpected word '{args.Positionals[0]}'.");
        }

        foreach (var path in new[] { tasksPath, rolesPath }.Where(p => !File.Exists(p)))
        {
            await console.Error.WriteLineAsync($"{path}: no such file".AsMemory(), cancellationToken);
            return ExitCodes.InvalidInput;
        }

        CatalogImportResult result;
        try
        {
            result = CatalogImporter.Import(
                await File.ReadAllBytesAsync(tasksPath, cancellationToken), tasksPath,
                await File.ReadAllBytesAsync(rolesPath, cancellationToken), rolesPath);
        }
        catch (CatalogLoadException e)
        {
            await WriteErrorsAsync(e.Errors, console);
            return ExitCodes.InvalidInput;
        }

        var text = CatalogYamlWriter.Write(result.Catalog);
        var check = CatalogLoader.Parse(text, outPath);
        if (check.Errors.Count > 0)
        {
            await WriteErrorsAsync(check.Errors, console);
            return ExitCodes.InvalidInput;
        }

        try
        {
            await File.WriteAllTextAsync(outPath, text, new UTF8Encoding(false), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"{outPath}: cannot write: {e.Message}".AsMemory(), cancellationToken);
            return ExitCodes.InvalidInput;
        }

        foreach (var note in result.Notes)
        {
            await console.Out.WriteLineAsync(note.ToString().AsMemory(), cancellationToken);
        }

        await console.Out.WriteLineAsync($"wrote {outPath}: {result.Catalog.Teams.Count} teams, {result.Catalog.Tasks.Count} tasks, {result.Notes.Count} normalizations".AsMemory(), cancellationToken);
        return ExitCodes.Ok;
    }

    /// <summary>The named file, or the configured catalog; null after writing the errors to stderr.</summary>
    private async Task<SocCatalog?> LoadAsync(string? file, CliConsole console)
    {
        try
        {
            if (file is null)
            {
                return source.Current;
            }

            if (!File.Exists(file))
            {
                await console.Error.WriteLineAsync($"{file}: no such file");
                return null;
            }

            return CatalogLoader.LoadFile(file);
        }
        catch (CatalogLoadException e)
        {
            await WriteErrorsAsync(e.Errors, console);
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                await console.Error.WriteLineAsync(failure);
            }
        }

        return null;
    }

    private static async Task WriteErrorsAsync(IReadOnlyList<CatalogError> errors, CliConsole console)
    {
        foreach (var error in errors)
        {
            await console.Error.WriteLineAsync(error.ToString());
        }

        await console.Error.WriteLineAsync($"{errors.Count} error(s)");
    }

    private static string Describe(SocCatalog catalog)
    {
        var text = new StringBuilder();
        var settings = catalog.Settings;
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"Time zone {settings.TimeZone}; working days {string.Join(", ", settings.WorkingDays)}; {settings.Holidays.Count} holiday(s)");
        var dueDay = settings.Due.WorkingDaysAfterReminder is { } days ? $"{days} working day(s) after the reminder" : "on the last working day of the period";
        text.AppendLine(culture, $"Reminders at {settings.ReminderTime:HH:mm}; due at {settings.Due.Time:HH:mm} {dueDay}");
        foreach (var (teamId, team) in settings.TeamOverrides.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.AppendLine(culture, $"  {teamId}: time zone {team.TimeZone ?? settings.TimeZone}, reminders at {team.ReminderTime ?? settings.ReminderTime:HH:mm}");
        }

        text.AppendLine();
        text.AppendLine(culture, $"Teams ({catalog.Teams.Count})");
        foreach (var team in catalog.Teams)
        {
            var aliases = team.Aliases.Count > 0 ? $" (also: {string.Join(", ", team.Aliases)})" : "";
            text.AppendLine(culture, $"  {team.Id,-22} {team.DisplayName}{aliases}");
        }

        text.AppendLine();
        text.AppendLine(culture, $"Tasks ({catalog.Tasks.Count})");
        foreach (var task in catalog.Tasks)
        {
            var owner = task.AllTeams ? "All SOC Teams" : task.OwnerTeamId;
            text.AppendLine(culture, $"  {task.Id}");
            text.AppendLine(culture, $"      {task.Title}");
            var cron = task.ScheduleOverride is { } schedule ? $"; cron \"{schedule.Cron}\", due {schedule.DueAfter:c} later" : "";
            text.AppendLine(culture, $"      {task.Cadence}; owner {owner}; escalation {task.EscalationTeamId}{cron}");
        }

        text.AppendLine();
        text.AppendLine(culture, $"Synonyms ({catalog.Synonyms.Count})");
        foreach (var synonym in catalog.Synonyms)
        {
            text.AppendLine(culture, $"  {synonym.Term}: {string.Join(", ", synonym.Variants)}");
        }

        return text.ToString();
    }
}
