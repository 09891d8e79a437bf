using System.Text.Json;
using SocBot.Scheduling;
using SocBot.State;

namespace SocBot.Tests.Reports;

/// <summary>`run &lt;task&gt;` over real HTTP: the on-demand card reaches the connector and the occurrence is claimed and posted.</summary>
public sealed class RunCommandTests
{
    private const string Tabletop = "run-ir-tabletop-exercise";

    [Fact]
    public async Task Run_AsNeededTaskInBoundChannel_PostsItsCardToThatTeamsChannel()
    {
        await using var scenario = await CommandScenario.StartAsync();
        await scenario.LinkAsync((SocChannels.Csirt, "csirt"));

        var reply = await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Csirt, $"run {Tabletop}");

        var post = Assert.Single(scenario.CreatedThreads);
        var body = post.Json;
        Assert.Equal(SocChannels.Csirt, body.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString());
        Assert.Equal(CommandScenario.TenantId, body.GetProperty("tenantId").GetString());
        var attachment = body.GetProperty("activity").GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("Run IR tabletop exercise", card.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Equal("As needed", Fact(card, "Cadence"));
        Assert.Equal("Computer Security Incident Response Team (CSIRT)", Fact(card, "Team"));
        var key = OccurrenceKey.Parse(card.GetProperty("refresh").GetProperty("action").GetProperty("data").GetProperty("occ").GetString()!);
        Assert.True(key.IsAdHoc);
        Assert.Equal((Tabletop, "csirt"), (key.TaskId, key.TeamId));

        var record = await scenario.Store.GetOccurrenceAsync(CommandScenario.TenantId, "csirt", key.ToString(), CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal(OccurrenceState.Open, record.State);
        Assert.True(record.IsPosted);
        Assert.StartsWith(SocChannels.Csirt + ";messageid=", record.ConversationId, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 17, 0, 0, TimeSpan.Zero), record.DueAt);
        Assert.Equal(
            "Started **Run IR tabletop exercise** for **Computer Security Incident Response Team (CSIRT)**, due Mon 5 Jan 17:00 UTC (due in 7 h). The card is in Computer Security Incident Response Team (CSIRT)'s channel.",
            reply);
    }

    [Fact]
    public async Task Run_Twice_CreatesTwoSeparateOccurrences()
    {
        await using var scenario = await CommandScenario.StartAsync();
        await scenario.LinkAsync((SocChannels.Csirt, "csirt"));

        await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Csirt, $"run {Tabletop}");
        await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Csirt, "run Run IR tabletop exercise");

        var runs = await scenario.Store.ListTaskHistoryAsync(CommandScenario.TenantId, "csirt", Tabletop, CommandScenario.Monday0900, CommandScenario.Monday0900.AddDays(2), CancellationToken.None);
        Assert.Equal(2, runs.Select(r => r.OccurrenceKey).Distinct().Count());
        Assert.Equal(2, scenario.CreatedThreads.Count);
    }

    [Fact]
    public async Task Run_DailyOnlyTask_IsRefused_AndNothingIsClaimedOrPosted()
    {
        await using var scenario = await CommandScenario.StartAsync();
        await scenario.LinkAsync((SocChannels.Monitoring, "monitoring"));

        var reply = await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, "run update-soc-escalation-tickets");

        Assert.StartsWith("**Update SOC escalation tickets** is Daily: it is reminded on its schedule and can't be run on demand.", reply, StringComparison.Ordinal);
        Assert.Contains("**Run IR tabletop exercise**", reply, StringComparison.Ordinal);
        Assert.Empty(scenario.CreatedThreads);
        Assert.Empty(await scenario.Store.ListTeamOccurrencesAsync(CommandScenario.TenantId, "monitoring", CommandScenario.Monday0900.AddDays(-1), CommandScenario.Monday0900.AddDays(30), CancellationToken.None));
    }

    [Fact]
    public async Task Run_ScheduledAndAsNeededTaskOfAnotherTeam_RunsForItsOwner_ViaOversightWhenUnbound()
    {
        await using var scenario = await CommandScenario.StartAsync();
        await scenario.LinkAsync((SocChannels.Oversight, "soc-oversight"), (SocChannels.Monitoring, "monitoring"));

        var reply = await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, "run deploy-automation-scripts-and-services-where-appropriate");

        Assert.StartsWith("Started **Deploy automation scripts and services where appropriate** for **Engineering & SecOps**", reply, StringComparison.Ordinal);
        var post = Assert.Single(scenario.CreatedThreads);
        Assert.Equal(SocChannels.Oversight, post.Json.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString());
        var texts = post.Json.GetProperty("activity").GetProperty("attachments")[0].GetProperty("content").GetProperty("body").EnumerateArray()
            .Where(e => e.TryGetProperty("text", out _)).Select(e => e.GetProperty("text").GetString()).ToList();
        Assert.Contains(texts, t => t!.StartsWith("No channel bound for Engineering & SecOps", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_AllTeamsTaskInUnlinkedChat_AsksToLink()
    {
        await using var scenario = await CommandScenario.StartAsync();

        var reply = await scenario.SayInChatAsync(Speaker.Grace, $"run {Tabletop}");

        Assert.StartsWith("**Run IR tabletop exercise** is run by every SOC team, and this conversation is not linked to one.", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.Connector.Requests, r => r.Method == "POST" && r.PathAndQuery == "/v3/conversations");
    }

    [Fact]
    public async Task Run_WithNoReachableChannel_StartsNothing()
    {
        await using var scenario = await CommandScenario.StartAsync();

        var reply = await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, "run service-administration-collaboration-with-soc-teams");

        Assert.Equal("I can't reach a channel for **Engineering & SecOps** or SOC Oversight, so nothing was started. Link one with `link engineering-secops`.", reply);
        Assert.Empty(await scenario.Store.ListTeamOccurrencesAsync(CommandScenario.TenantId, "engineering-secops", CommandScenario.Monday0900.AddDays(-1), CommandScenario.Monday0900.AddDays(30), CancellationToken.None));
    }

    private static string? Fact(JsonElement card, string title) =>
        card.GetProperty("body").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "FactSet")
            .SelectMany(e => e.GetProperty("facts").EnumerateArray())
            .Where(f => f.GetProperty("title").GetString() == title)
            .Select(f => f.GetProperty("value").GetString())
            .FirstOrDefault();
}
