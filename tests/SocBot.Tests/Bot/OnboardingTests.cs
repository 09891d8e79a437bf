using System.Net;
using System.Text.Json;
using SocBot.Tests.EndToEnd;
using SocBot.Tests.Reports;

namespace SocBot.Tests.Bot;

/// <summary>The first minutes with SocBot, over real HTTP: the welcome on install, `help` by role, and text it doesn't understand.</summary>
public sealed class OnboardingTests
{
    [Fact]
    public async Task InstallInTeam_PostsTheWelcomeCard_WithLinkAndHelp()
    {
        await using var scenario = await CommandScenario.StartAsync();

        using var response = await scenario.InstallInTeamAsync(Speaker.Admin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(scenario.Connector.Requests, r => r.Method == "POST" && r.PathAndQuery.StartsWith($"/v3/conversations/{Uri.EscapeDataString(SocChannels.TeamsTeamId)}/activities", StringComparison.Ordinal));
        var attachment = welcome.Json.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var texts = PostedCards.Texts(attachment.GetProperty("content")).ToList();
        Assert.Equal("Hi, I'm SocBot", texts[0]);
        Assert.Contains(texts, t => t.StartsWith($"Thanks for adding me to {SocChannels.TeamsTeamName}.", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("**@SocBot link ‹team›**", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("**@SocBot help**", StringComparison.Ordinal));
        var facts = attachment.GetProperty("content").GetProperty("body").EnumerateArray()
            .Single(e => e.GetProperty("type").GetString() == "FactSet").GetProperty("facts").EnumerateArray()
            .Select(f => (f.GetProperty("title").GetString(), f.GetProperty("value").GetString())).ToList();
        Assert.Contains(("monitoring", "Monitoring"), facts);
        Assert.Equal(5, facts.Count);
        Assert.NotNull(await scenario.Store.GetAsync(CommandScenario.TenantId, SocChannels.TeamsTeamId, CancellationToken.None));
    }

    [Fact]
    public async Task Help_ForAdmin_EverydayCommandsFirstAndAdminsOnOneLine_ForATeamMember_NoAdminLine()
    {
        await using var scenario = await CommandScenario.StartAsync();
        await scenario.LinkAsync((SocChannels.Oversight, "soc-oversight"), (SocChannels.Monitoring, "monitoring"));

        var admin = await scenario.SayInChannelAsync(Speaker.Admin, SocChannels.Monitoring, "help");
        var member = await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, "help");

        Assert.Equal(Commands(member), Commands(admin));
        Assert.DoesNotContain(Commands(member), c => c is "link ‹team›" or "unlink ‹team›" or "reload" or "help");
        Assert.Contains("complete ‹task› [note]", Commands(member));
        Assert.Equal("who owns ‹topic›?", Commands(member)[0]);
        Assert.True(admin.Split('\n').Length <= 20, admin);
        var adminLine = Assert.Single(admin.Split('\n'), l => l.StartsWith("**Admins**: ", StringComparison.Ordinal));
        Assert.Equal("**Admins**: **reload** · **link ‹team›** · **unlink ‹team›** · **help admin**", adminLine);
        Assert.True(admin.IndexOf(adminLine, StringComparison.Ordinal) > admin.IndexOf("**export", StringComparison.Ordinal), admin);
        Assert.DoesNotContain("**Admins**", member, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpAdmin_ForAdmin_SaysWhatEachAdminCommandDoes_ForATeamMember_TheEverydayHelp()
    {
        await using var scenario = await CommandScenario.StartAsync();
        await scenario.LinkAsync((SocChannels.Oversight, "soc-oversight"), (SocChannels.Monitoring, "monitoring"));

        var admin = await scenario.SayInChannelAsync(Speaker.Admin, SocChannels.Monitoring, "help admin");
        var member = await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, "help admin");

        Assert.StartsWith("**Admin commands**", admin, StringComparison.Ordinal);
        Assert.Equal(["reload", "link ‹team›", "unlink ‹team›", "help admin"], Commands(admin));
        Assert.StartsWith("I'm **SocBot**", member, StringComparison.Ordinal);
        Assert.DoesNotContain("reload", member, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_InSocOversightsChannel_ListsTheAdminCommands()
    {
        await using var scenario = await CommandScenario.StartAsync(withAdmin: false);
        await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Oversight, "link soc-oversight");

        var help = await scenario.SayInChannelAsync(Speaker.Grace, SocChannels.Oversight, "help");

        Assert.Contains("**link ‹team›**", help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stauts", "status [team]")]
    [InlineData("hello", "help")]
    [InlineData("chanels", "channels")]
    public async Task UnknownText_AnswersIDidntCatchThat_WithTheThreeLikeliestCommands(string said, string likeliest)
    {
        await using var scenario = await CommandScenario.StartAsync();
        await scenario.LinkAsync((SocChannels.Monitoring, "monitoring"));

        var reply = await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, said);

        Assert.StartsWith("I didn't catch that. Did you mean:", reply, StringComparison.Ordinal);
        var suggested = Commands(reply);
        Assert.Equal(3, suggested.Count);
        Assert.Equal(likeliest, suggested[0]);
        Assert.DoesNotContain("reload", suggested);
        Assert.EndsWith("Say **help** for everything I understand.", reply, StringComparison.Ordinal);
    }

    /// <summary>The commands of a help-like reply: the bold part of each "- **usage**: description" line.</summary>
    private static List<string> Commands(string reply) =>
        CommandScenario.Lines(reply).Select(l => l[4..l.IndexOf("**:", StringComparison.Ordinal)]).ToList();
}
