using SocBot.Reminders;
using SocBot.State;
using SocBot.Tests.Reports;

namespace SocBot.Tests.Bindings;

/// <summary>`link`, `unlink` and `channels` over real HTTP, with the bindings read back from the SQLite store.</summary>
public sealed class ChannelBindingModuleTests
{
    [Fact]
    public async Task Link_ByAdminInChannel_BindsChannelAndStoresItsReference()
    {
        await using var scenario = await CommandScenario.StartAsync();

        var reply = await scenario.SayInChannelAsync(Speaker.Admin, SocChannels.Monitoring, "link Monitoring");

        Assert.Equal("Linked **Monitoring** to this channel. Its reminders will be posted here from the next reminder pass (within a minute), including any due today.", reply);
        var binding = await scenario.Store.GetChannelBindingAsync(CommandScenario.TenantId, "monitoring", CancellationToken.None);
        Assert.NotNull(binding);
        Assert.Equal(SocChannels.Monitoring, binding.ConversationId);
        Assert.Equal(SocChannels.TeamsTeamId, binding.TeamsTeamId);
        Assert.Equal("Monitoring", binding.ChannelName);
        Assert.Contains(scenario.Connector.Requests, r => r.Method == "GET" && r.PathAndQuery == $"/v3/teams/{Uri.EscapeDataString(SocChannels.TeamsTeamId)}/conversations");
        Assert.Equal(Speaker.Admin.AadObjectId, binding.BoundBy.AadObjectId);
        Assert.Equal(scenario.Time.GetUtcNow(), binding.BoundAt);
        var reference = await scenario.Store.GetAsync(CommandScenario.TenantId, SocChannels.Monitoring, CancellationToken.None);
        Assert.NotNull(reference);
        Assert.Equal("channel", reference.ConversationType);
        Assert.Equal(scenario.Connector.BaseUrl, reference.ServiceUrl);
        Assert.Equal(SocChannels.TeamsTeamId, reference.TeamId);
        Assert.Equal((SocChannels.TeamsTeamName, "Monitoring"), (reference.TeamName, reference.ChannelName));
        var target = await scenario.Bot.Services.GetRequiredService<ChannelDirectory>().ResolveAsync(CommandScenario.TenantId, "monitoring", CancellationToken.None);
        Assert.NotNull(target);
        Assert.True(target.IsChannel);
        Assert.Equal(SocChannels.Monitoring, target.ChannelId);
        Assert.Null(target.UnboundTeamName);
    }

    [Fact]
    public async Task Link_ByAlias_BindsThatTeam_AndAuditsTheChange()
    {
        await using var scenario = await CommandScenario.StartAsync();

        await scenario.SayInChannelAsync(Speaker.Admin, SocChannels.Csirt, "link CSIRT");

        Assert.NotNull(await scenario.Store.GetChannelBindingAsync(CommandScenario.TenantId, "csirt", CancellationToken.None));
        var audit = await scenario.Store.ReadAuditAsync(CommandScenario.TenantId, null, CommandScenario.Monday0900, CommandScenario.Monday0900.AddDays(1), CancellationToken.None);
        var entry = Assert.Single(audit);
        Assert.Equal(AuditActions.ChannelBound, entry.Action);
        Assert.Equal("csirt", entry.TeamId);
        Assert.Equal(Speaker.Admin.AadObjectId, entry.By.AadObjectId);
    }

    [Fact]
    public async Task Link_ByNonAdmin_IsRefused_AndNothingIsBound()
    {
        await using var scenario = await CommandScenario.StartAsync();

        var reply = await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, "link monitoring");

        Assert.StartsWith("Only SOC admins can link channels", reply, StringComparison.Ordinal);
        Assert.Null(await scenario.Store.GetChannelBindingAsync(CommandScenario.TenantId, "monitoring", CancellationToken.None));
        Assert.Null(await scenario.Store.GetAsync(CommandScenario.TenantId, SocChannels.Monitoring, CancellationToken.None));
    }

    [Fact]
    public async Task Link_OversightFirstWithNoAdmins_IsAllowedOnce_ThenOnlyTheOversightChannelMayLink()
    {
        await using var scenario = await CommandScenario.StartAsync(withAdmin: false);

        var otherTeamFirst = await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, "link monitoring");
        var bootstrap = await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Oversight, "link soc-oversight");
        var takeOver = await scenario.SayInChannelAsync(Speaker.Grace, SocChannels.Csirt, "link soc-oversight");
        var fromOversight = await scenario.SayInChannelAsync(Speaker.Grace, SocChannels.Oversight, "link csirt");

        Assert.StartsWith("Only SOC admins", otherTeamFirst, StringComparison.Ordinal);
        Assert.StartsWith("Linked **SOC Oversight**", bootstrap, StringComparison.Ordinal);
        Assert.StartsWith("Only SOC admins", takeOver, StringComparison.Ordinal);
        Assert.StartsWith("Linked **Computer Security Incident Response Team (CSIRT)**", fromOversight, StringComparison.Ordinal);
        var bindings = await scenario.Store.ListChannelBindingsAsync(CommandScenario.TenantId, CancellationToken.None);
        Assert.Equal(
            [("csirt", SocChannels.Oversight), ("soc-oversight", SocChannels.Oversight)],
            bindings.Select(b => (b.TeamId, b.ConversationId)).OrderBy(b => b.TeamId, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Link_UnknownTeam_RepliesWithEveryTeamId()
    {
        await using var scenario = await CommandScenario.StartAsync();

        var reply = await scenario.SayInChannelAsync(Speaker.Admin, SocChannels.Monitoring, "link blue team");

        Assert.StartsWith("I don't know a SOC team called 'blue team'.", reply, StringComparison.Ordinal);
        foreach (var id in new[] { "soc-oversight", "threat-intelligence", "monitoring", "engineering-secops", "csirt" })
        {
            Assert.Contains($"`{id}`", reply, StringComparison.Ordinal);
        }

        Assert.Empty(await scenario.Store.ListChannelBindingsAsync(CommandScenario.TenantId, CancellationToken.None));
    }

    [Fact]
    public async Task Link_InPersonalChat_BindsTheChat_AndTheReminderPassPostsThere()
    {
        await using var scenario = await CommandScenario.StartAsync();

        var reply = await scenario.SayInChatAsync(Speaker.Admin, "link csirt");
        var report = await scenario.RunPassAsync();

        Assert.Equal("Linked **Computer Security Incident Response Team (CSIRT)** to this chat. Its reminders will be posted here from the next reminder pass (within a minute), including any due today.", reply);
        var chat = SocChannels.Personal(Speaker.Admin);
        var reference = await scenario.Store.GetAsync(CommandScenario.TenantId, chat, CancellationToken.None);
        Assert.Equal("personal", reference?.ConversationType);
        var posted = Assert.Single(report.Items, i => i.TeamId == "csirt");
        Assert.Equal(ReminderOutcome.Posted, posted.Outcome);
        Assert.Equal(chat, posted.ChannelId);
        var card = Assert.Single(scenario.Connector.Requests, r => r.Method == "POST" && r.PathAndQuery == $"/v3/conversations/{Uri.EscapeDataString(chat)}/activities");
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.Json.GetProperty("attachments")[0].GetProperty("contentType").GetString());
        Assert.Empty(scenario.CreatedThreads);
    }

    [Fact]
    public async Task Unlink_ByAdmin_RemovesTheBinding_AndChannelsShowsRemindersGoToOversight()
    {
        await using var scenario = await CommandScenario.StartAsync();
        await scenario.LinkAsync((SocChannels.Oversight, "soc-oversight"), (SocChannels.Monitoring, "monitoring"));

        var reply = await scenario.SayInChannelAsync(Speaker.Admin, SocChannels.Monitoring, "unlink monitoring");
        var channels = CommandScenario.Lines(await scenario.SayInChatAsync(Speaker.Grace, "channels"));

        Assert.Equal("Unlinked **Monitoring**. Its reminders now go to SOC Oversight.", reply);
        Assert.Null(await scenario.Store.GetChannelBindingAsync(CommandScenario.TenantId, "monitoring", CancellationToken.None));
        Assert.Equal(5, channels.Count);
        Assert.Equal("- **Monitoring**: not linked (its reminders go to SOC Oversight)", Assert.Single(channels, l => l.StartsWith("- **Monitoring**", StringComparison.Ordinal)));
        Assert.Equal($"- **SOC Oversight**: {SocChannels.TeamsTeamName} › Oversight, linked by Alex Admin on 5 Jan 2026", Assert.Single(channels, l => l.StartsWith("- **SOC Oversight**", StringComparison.Ordinal)));
        var audit = await scenario.Store.ReadAuditAsync(CommandScenario.TenantId, "monitoring", CommandScenario.Monday0900, CommandScenario.Monday0900.AddDays(1), CancellationToken.None);
        Assert.Equal([AuditActions.ChannelBound, AuditActions.ChannelUnbound], audit.Select(a => a.Action).ToList());
        var target = await scenario.Bot.Services.GetRequiredService<ChannelDirectory>().ResolveAsync(CommandScenario.TenantId, "monitoring", CancellationToken.None);
        Assert.Equal(SocChannels.Oversight, target?.ChannelId);
        Assert.Equal("Monitoring", target?.UnboundTeamName);
    }

    [Fact]
    public async Task Unlink_ByNonAdmin_IsRefused_AndTheBindingStays()
    {
        await using var scenario = await CommandScenario.StartAsync();
        await scenario.LinkAsync((SocChannels.Monitoring, "monitoring"));

        var reply = await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, "unlink monitoring");

        Assert.StartsWith("Only SOC admins can unlink channels", reply, StringComparison.Ordinal);
        Assert.NotNull(await scenario.Store.GetChannelBindingAsync(CommandScenario.TenantId, "monitoring", CancellationToken.None));
    }

    [Fact]
    public async Task Channels_AfterLinkingInATeamsChannel_ShowsTeamAndChannelAsTeamsNamesThem()
    {
        await using var scenario = await CommandScenario.StartAsync();
        await scenario.LinkAsync((SocChannels.Monitoring, "monitoring"), (SocChannels.TeamsTeamId, "csirt"));

        var channels = CommandScenario.Lines(await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, "channels"));

        Assert.Contains($"- **Monitoring**: {SocChannels.TeamsTeamName} › Monitoring, linked by Alex Admin on 5 Jan 2026", channels);
        Assert.Contains($"- **Computer Security Incident Response Team (CSIRT)**: {SocChannels.TeamsTeamName} › General, linked by Alex Admin on 5 Jan 2026", channels);
        Assert.DoesNotContain(channels, l => l.Contains("19:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Channels_WithNothingLinked_SaysEveryTeamIsUnbound()
    {
        await using var scenario = await CommandScenario.StartAsync();

        var channels = CommandScenario.Lines(await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, "channels"));

        Assert.Equal(
            [
                "- **SOC Oversight**: not linked (no reminders can be posted until it is)",
                "- **Threat Intelligence & Analytics**: not linked (its reminders go to SOC Oversight)",
                "- **Monitoring**: not linked (its reminders go to SOC Oversight)",
                "- **Engineering & SecOps**: not linked (its reminders go to SOC Oversight)",
                "- **Computer Security Incident Response Team (CSIRT)**: not linked (its reminders go to SOC Oversight)",
            ],
            channels);
    }
}
