using System.Globalization;
using SocBot.Cli;
using SocBot.Conversations;

namespace SocBot.Tests.Reports;

/// <summary>`status --team` through the executable's runner, against the SQLite file a running bot wrote.</summary>
public sealed class StatusVerbTests
{
    [Fact]
    public async Task Status_ForTeamAtInstant_PrintsTheSameReportAsTheChatCommand()
    {
        string sqlitePath;
        string chatReport;
        DateTimeOffset at;
        await using (var scenario = await CommandScenario.StartAsync())
        {
            sqlitePath = SqlitePathOf(scenario);
            await scenario.LinkAsync((SocChannels.Monitoring, "monitoring"));
            await scenario.RunPassAsync();
            await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, "complete generate-secure-score-report");
            chatReport = await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, "status");
            at = scenario.Time.GetUtcNow();
        }

        var (code, output, errors) = await RunAsync("status", "--team", "monitoring", "--at", at.ToString("O", CultureInfo.InvariantCulture), $"--Storage:SqlitePath={sqlitePath}");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(errors);
        Assert.Equal(chatReport, output);
        Assert.Contains("- Done: **Generate Secure Score report** (Week 2 2026) by Ada Lovelace at Mon 5 Jan 09:00 UTC", CommandScenario.Lines(output));
        Assert.Equal(3, CommandScenario.Lines(output).Count);
    }

    [Fact]
    public async Task Status_ForOversight_CoversEveryTeam()
    {
        string sqlitePath;
        await using (var scenario = await CommandScenario.StartAsync())
        {
            sqlitePath = SqlitePathOf(scenario);
            await scenario.LinkAsync((SocChannels.Oversight, "soc-oversight"));
        }

        var (code, output, _) = await RunAsync("status", "--team", "Oversight", "--at", "2026-01-05T12:00:00Z", $"--Storage:SqlitePath={sqlitePath}");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("**SOC status, week 2 2026 (Mon 5 Jan – Sun 11 Jan)**, as of Mon 5 Jan 12:00 UTC", output, StringComparison.Ordinal);
        Assert.Equal(5, output.Split('\n').Count(l => l.StartsWith("**", StringComparison.Ordinal) && l.EndsWith("**: nothing due this week", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Status_WithSeveralTenants_NeedsTenant_AndAnswersForTheOneGiven()
    {
        string sqlitePath;
        await using (var scenario = await CommandScenario.StartAsync())
        {
            sqlitePath = SqlitePathOf(scenario);
            await scenario.LinkAsync((SocChannels.Monitoring, "monitoring"));
            await scenario.RunPassAsync();
            await scenario.Store.UpsertAsync(
                new ConversationReference("other-tenant", "19:other@thread.tacv2", "channel", scenario.Connector.BaseUrl, null, null, null, null, "28:bot", scenario.Time.GetUtcNow()),
                CancellationToken.None);
        }

        var ambiguous = await RunAsync("status", "--team", "monitoring", $"--Storage:SqlitePath={sqlitePath}");
        var other = await RunAsync("status", "--team", "monitoring", "--tenant", "other-tenant", "--at", "2026-01-05T12:00:00Z", $"--Storage:SqlitePath={sqlitePath}");

        Assert.Equal(ExitCodes.InvalidInput, ambiguous.Code);
        Assert.Contains("pass --tenant <id>", ambiguous.Errors, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, other.Code);
        Assert.Empty(CommandScenario.Lines(other.Output));
        Assert.Contains("**Monitoring**: nothing due this week", other.Output.Split('\n'));
    }

    [Fact]
    public async Task Status_WithoutTeam_IsAUsageError()
    {
        var (code, output, errors) = await RunAsync("status", "--at", "2026-01-05T12:00:00Z");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.Contains("Option '--team' is required.", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_UnknownTeam_ListsTheTeams()
    {
        var (code, _, errors) = await RunAsync("status", "--team", "red-team", "--tenant", "t1");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("Unknown team 'red-team' (teams: soc-oversight, threat-intelligence, monitoring, engineering-secops, csirt).", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_BadInstant_IsInvalidInput()
    {
        var (code, _, errors) = await RunAsync("status", "--team", "monitoring", "--at", "next tuesday");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--at 'next tuesday' is not an ISO 8601 instant", errors, StringComparison.Ordinal);
    }

    private static string SqlitePathOf(CommandScenario scenario) =>
        scenario.Bot.Services.GetRequiredService<IConfiguration>()["Storage:SqlitePath"]!;

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await CommandLine.RunAsync(args, SocBotServices.Add, new CliConsole(output, errors));
        return (code, output.ToString(), errors.ToString());
    }
}
