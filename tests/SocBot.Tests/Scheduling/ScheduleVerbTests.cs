using SocBot.Catalog;
using SocBot.Cli;
using SocBot.Tests.Catalog;

namespace SocBot.Tests.Scheduling;

public sealed class ScheduleVerbTests
{
    [Fact]
    public async Task Schedule_OneDayOfTheDefaultCatalog_ListsEveryReminderWithItsTimes()
    {
        var (code, output, errors) = await RunAsync("schedule", "--from", "2026-01-05", "--to", "2026-01-06");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(errors);
        var rows = Rows(output);
        Assert.Equal(10, rows.Count);
        Assert.All(rows, r => Assert.Equal(("Mon", "2026-01-05", "09:00"), (r[0], r[1], r[2])));
        Assert.Contains(rows, r => r[7] == "generate-secure-score-report/monitoring/2026-W02" && r[4] == "2026-01-09" && r[5] == "17:00");
        Assert.Equal(5, rows.Count(r => r[7].StartsWith("update-soc-escalation-tickets/", StringComparison.Ordinal)));
        Assert.StartsWith("10 occurrence(s) reminded from 2026-01-05 to 2026-01-06 (exclusive), times in UTC", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_TeamByAlias_ListsOnlyThatTeam()
    {
        var (code, output, _) = await RunAsync("schedule", "--from", "2026-01-05", "--to", "2026-01-10", "--team", "CSIRT");

        Assert.Equal(ExitCodes.Ok, code);
        var keys = Rows(output).Select(r => r[^1]).ToList();
        Assert.Equal(5, keys.Count);
        Assert.All(keys, k => Assert.StartsWith("update-soc-escalation-tickets/csirt/", k, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Schedule_ConfiguredCatalogInLondon_ShowsLocalTimesAcrossTheSpringChange()
    {
        var text = CatalogLoader.ReadDefaultText().Replace("timeZone: Etc/UTC", "timeZone: Europe/London", StringComparison.Ordinal);
        using var file = new TempCatalogFile(text);

        var (code, output, errors) = await RunAsync("schedule", "--from=2026-03-27", "--to=2026-03-31", "--team=monitoring", $"--SocBot:CatalogPath={file.Path}");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(errors);
        var daily = Rows(output).Where(r => r[^1].StartsWith("track-", StringComparison.Ordinal)).ToList();
        Assert.Equal([("2026-03-27", "09:00"), ("2026-03-30", "09:00")], daily.Select(r => (r[1], r[2])));
        Assert.Contains("times in London time", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_TeamColumn_ShowsTheTeamsNameNotItsId()
    {
        var (code, output, _) = await RunAsync("schedule", "--from", "2026-01-05", "--to", "2026-01-06");

        Assert.Equal(ExitCodes.Ok, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        var csirt = Assert.Single(lines, l => l.EndsWith("update-soc-escalation-tickets/csirt/2026-01-05", StringComparison.Ordinal));
        Assert.Contains(" Computer Security Incident Resp… ", csirt, StringComparison.Ordinal);
        var engineering = Assert.Single(lines, l => l.EndsWith("update-soc-escalation-tickets/engineering-secops/2026-01-05", StringComparison.Ordinal));
        Assert.Contains(" Engineering & SecOps ", engineering, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains(" engineering-secops ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Schedule_BrokenConfiguredCatalog_ExitsOneWithTheErrors()
    {
        using var file = new TempCatalogFile(CatalogLoader.ReadDefaultText().Replace("owner: monitoring", "owner: nobody", StringComparison.Ordinal));

        var (code, output, errors) = await RunAsync("schedule", "--from", "2026-01-05", "--to", "2026-01-06", $"--SocBot:CatalogPath={file.Path}");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Empty(output);
        Assert.Equal(2, errors.Split('\n').Count(l => l.Contains("unknown team 'nobody'", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Schedule_UnknownTeam_ExitsOne()
    {
        var (code, _, errors) = await RunAsync("schedule", "--from", "2026-01-05", "--to", "2026-01-06", "--team", "red-team");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("Unknown team 'red-team'", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("schedule")]
    [InlineData("schedule", "--from", "2026-01-05")]
    [InlineData("schedule", "--from", "5 Jan", "--to", "2026-01-06")]
    [InlineData("schedule", "--from", "2026-01-06", "--to", "2026-01-05")]
    [InlineData("schedule", "--from", "2026-01-05", "--to", "2026-01-06", "--colour", "red")]
    [InlineData("schedule", "--from", "2026-01-05", "--to")]
    public async Task Schedule_BadArguments_IsAUsageError(params string[] args)
    {
        var (code, output, errors) = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.Contains("usage: socbot schedule", errors, StringComparison.Ordinal);
    }

    /// <summary>The occurrence rows: remind (day, date, time), due (day, date, time), team, then label words and the key last.</summary>
    private static List<string[]> Rows(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Skip(2)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(parts => parts[..7].Append(parts[^1]).ToArray())
            .ToList();

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await CommandLine.RunAsync(args, (services, configuration) => services.AddCatalog(configuration), new CliConsole(output, errors));
        return (code, output.ToString(), errors.ToString());
    }
}
