using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SocBot.Reports;
using SocBot.Tests.EndToEnd;

namespace SocBot.Tests.Reports;

/// <summary>`export &lt;from&gt; &lt;to&gt;`: the audit log as CSV, inline or behind a one-hour link served by the bot.</summary>
public sealed partial class ExportTests
{
    private const string Note = "=HYPERLINK(\"http://evil.example\"), \"quoted\", a,b\nsecond line";

    [Fact]
    public async Task Export_WithoutPublicBaseUrl_AnswersTheCsvInline_Escaped()
    {
        await using var scenario = await StartWithHistoryAsync();

        var reply = await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, "export 2026-01-05 2026-01-05");

        var fenced = Fenced().Match(reply);
        Assert.True(fenced.Success, reply);
        AssertAuditRows(CsvReader.Read(fenced.Groups["csv"].Value));
        Assert.StartsWith("Audit log 2026-01-05 to 2026-01-05: 8 entries.", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WithPublicBaseUrl_LinksToTheExportsEndpoint_WhichServesItForAnHour()
    {
        await using var scenario = await StartWithHistoryAsync(new Dictionary<string, string?> { ["SocBot:PublicBaseUrl"] = "https://socbot.example/bot/" });

        var reply = await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, "export 2026-01-05 2026-01-05");

        var link = Link().Match(reply);
        Assert.True(link.Success, reply);
        using (var download = await scenario.Bot.Http.GetAsync($"exports/{link.Groups["id"].Value}.csv"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            AssertAuditRows(CsvReader.Read(await download.Content.ReadAsStringAsync()));
        }

        scenario.Time.Advance(ExportStore.Lifetime);
        using var expired = await scenario.Bot.Http.GetAsync($"exports/{link.Groups["id"].Value}.csv");
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
    }

    [Fact]
    public async Task ExportsEndpoint_UnknownId_Answers404()
    {
        await using var scenario = await CommandScenario.StartAsync();

        using var response = await scenario.Bot.Http.GetAsync("exports/0123456789abcdef0123456789abcdef.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("export")]
    [InlineData("export 2026-01-05")]
    [InlineData("export 5/1/2026 2026-01-06")]
    [InlineData("export 2026-01-06 2026-01-05")]
    public async Task Export_BadRange_ExplainsTheForm(string text)
    {
        await using var scenario = await CommandScenario.StartAsync();
        await scenario.LinkAsync((SocChannels.Monitoring, "monitoring"));

        var reply = await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, text);

        Assert.StartsWith("Say `export <from> <to>` with two dates (yyyy-MM-dd, Etc/UTC)", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_InUnlinkedChat_SaysHowToLink()
    {
        await using var scenario = await CommandScenario.StartAsync();

        var reply = await scenario.SayInChatAsync(Speaker.Grace, "export 2026-01-05 2026-01-05");

        Assert.StartsWith("This conversation isn't linked to a SOC team, so `export` has no team to work on. Ask in a team's channel", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://socbot.example/")]
    [InlineData("https://socbot.example/?x=1")]
    public async Task PublicBaseUrl_Invalid_RefusesToStart_NamingTheKey(string value)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            SocBotTestHost.StartAsync(new Dictionary<string, string?> { ["SocBot:PublicBaseUrl"] = value }));

        Assert.Contains("SocBot:PublicBaseUrl", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>Monitoring linked, Monday's pass posted its three reminders, Ada completed one with a hostile note.</summary>
    private static async Task<CommandScenario> StartWithHistoryAsync(IDictionary<string, string?>? configuration = null)
    {
        var scenario = await CommandScenario.StartAsync(configuration: configuration);
        await scenario.LinkAsync((SocChannels.Monitoring, "monitoring"));
        await scenario.RunPassAsync();
        var done = await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, $"complete generate-secure-score-report {Note}");
        Assert.StartsWith("Recorded.", done, StringComparison.Ordinal);
        return scenario;
    }

    /// <summary>The binding, a claim and a post per reminder (3 × 2), and the completion: 8 rows after the header.</summary>
    private static void AssertAuditRows(List<string[]> rows)
    {
        Assert.Equal(AuditCsv.Columns, rows[0]);
        var entries = rows.Skip(1).ToList();
        Assert.Equal(8, entries.Count);
        Assert.All(entries, r => Assert.Equal(AuditCsv.Columns.Count, r.Length));
        var bound = Assert.Single(entries, r => r[4] == "channel-bound");
        Assert.Equal(["monitoring", SocChannels.Monitoring, Speaker.Admin.AadObjectId], [bound[2], bound[7], bound[5]]);
        Assert.Equal(3, entries.Count(r => r[4] == "claimed"));
        Assert.Equal(3, entries.Count(r => r[4] == "posted"));
        var completed = Assert.Single(entries, r => r[4] == "completed");
        Assert.Equal("generate-secure-score-report/monitoring/2026-W02", completed[3]);
        Assert.Equal([Speaker.Ada.AadObjectId, Speaker.Ada.Name], completed[5..7]);
        Assert.Equal("'" + Note, completed[7]);
        Assert.Equal(entries.Select(r => r[0]).Order(StringComparer.Ordinal), entries.Select(r => r[0]));
    }

    [GeneratedRegex("```csv\n(?<csv>.*)```$", RegexOptions.Singleline)]
    private static partial Regex Fenced();

    [GeneratedRegex(@"\(https://socbot\.example/bot/exports/(?<id>[0-9a-f]{32})\.csv\)")]
    private static partial Regex Link();
}
