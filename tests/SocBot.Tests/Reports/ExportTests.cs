using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SocBot.Reports;
using SocBot.State;
using SocBot.Tests.EndToEnd;

namespace SocBot.Tests.Reports;

/// <summary>
/// `export`: the audit log as a CSV file that reaches the person: Teams' file consent flow in a personal chat (the consent
/// card, the fileConsent/invoke, the PUT to the upload session, the file card), a one-hour link when the bot has a public
/// address, and in a channel a summary card with the file offered privately.
/// </summary>
public sealed partial class ExportTests
{
    private const string Note = "=HYPERLINK(\"http://evil.example\"), \"quoted\", a,b\nsecond line";

    [Fact]
    public async Task Export_InPersonalChat_ComesAsAFile_ThroughTheFileConsentFlow()
    {
        await using var scenario = await StartWithHistoryAsync();

        var offer = await scenario.SayInChatForReplyAsync(Speaker.Admin, "export 2026-01-05");

        var consent = offer.GetProperty("attachments")[0];
        Assert.Equal(ExportCards.FileConsentContentType, consent.GetProperty("contentType").GetString());
        var fileName = consent.GetProperty("name").GetString()!;
        Assert.Equal("socbot-audit-2026-01-05.csv", fileName);
        var content = consent.GetProperty("content");
        var exportId = content.GetProperty("acceptContext").GetProperty(ExportCards.ExportIdKey).GetString()!;
        Assert.Equal(exportId, content.GetProperty("declineContext").GetProperty(ExportCards.ExportIdKey).GetString());

        var uploadUrl = scenario.TeamsService.UploadUrl(fileName);
        const string contentUrl = "https://contoso-my.sharepoint.com/personal/alex/Documents/Applications/SocBot/socbot-audit-2026-01-05.csv";
        using var invoke = await scenario.InvokeInChatAsync(Speaker.Admin, "fileConsent/invoke", new JsonObject
        {
            ["type"] = "fileUpload",
            ["action"] = "accept",
            ["context"] = new JsonObject { [ExportCards.ExportIdKey] = exportId },
            ["uploadInfo"] = new JsonObject
            {
                ["contentUrl"] = contentUrl,
                ["name"] = fileName,
                ["uploadUrl"] = uploadUrl.AbsoluteUri,
                ["uniqueId"] = "1150D938-8870-4044-9F2C-5BBDEBA70C9D",
                ["fileType"] = "csv",
            },
        }, "m-offer");

        Assert.Equal(HttpStatusCode.OK, invoke.StatusCode);
        var upload = Assert.Single(scenario.TeamsService.Uploads);
        var bytes = System.Text.Encoding.UTF8.GetByteCount(upload.Body);
        Assert.Equal(content.GetProperty("sizeInBytes").GetInt32(), bytes);
        Assert.Equal($"bytes 0-{bytes - 1}/{bytes}", upload.Header("Content-Range"));
        AssertHumanRows(CsvReader.Read(upload.Body));

        var chat = Uri.EscapeDataString(SocChannels.Personal(Speaker.Admin));
        var fileCard = scenario.Connector.Requests.Last(r => r.Method == "POST" && r.PathAndQuery.StartsWith($"/v3/conversations/{chat}/activities", StringComparison.Ordinal));
        var info = fileCard.Json.GetProperty("attachments")[0];
        Assert.Equal(ExportCards.FileInfoContentType, info.GetProperty("contentType").GetString());
        Assert.Equal(contentUrl, info.GetProperty("contentUrl").GetString());
        Assert.Equal(fileName, info.GetProperty("name").GetString());
        Assert.Equal("1150D938-8870-4044-9F2C-5BBDEBA70C9D", info.GetProperty("content").GetProperty("uniqueId").GetString());
        Assert.Equal("csv", info.GetProperty("content").GetProperty("fileType").GetString());
    }

    [Fact]
    public async Task FileConsent_Declined_UploadsNothing_AndSaysSo()
    {
        await using var scenario = await StartWithHistoryAsync();
        var offer = await scenario.SayInChatForReplyAsync(Speaker.Admin, "export 2026-01-05");
        var exportId = offer.GetProperty("attachments")[0].GetProperty("content").GetProperty("declineContext").GetProperty(ExportCards.ExportIdKey).GetString()!;

        using var invoke = await scenario.InvokeInChatAsync(Speaker.Admin, "fileConsent/invoke", new JsonObject
        {
            ["type"] = "fileUpload",
            ["action"] = "decline",
            ["context"] = new JsonObject { [ExportCards.ExportIdKey] = exportId },
        }, "m-offer");

        Assert.Equal(HttpStatusCode.OK, invoke.StatusCode);
        Assert.Empty(scenario.TeamsService.Uploads);
        var reply = scenario.Connector.Requests.Last(r => r.Method == "POST");
        Assert.Equal("OK, I didn't upload **socbot-audit-2026-01-05.csv**.", reply.Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task FileConsent_BySomeoneElse_UploadsNothing()
    {
        await using var scenario = await StartWithHistoryAsync();
        var offer = await scenario.SayInChatForReplyAsync(Speaker.Admin, "export 2026-01-05");
        var exportId = offer.GetProperty("attachments")[0].GetProperty("content").GetProperty("acceptContext").GetProperty(ExportCards.ExportIdKey).GetString()!;

        using var invoke = await scenario.InvokeInChatAsync(Speaker.Grace, "fileConsent/invoke", new JsonObject
        {
            ["type"] = "fileUpload",
            ["action"] = "accept",
            ["context"] = new JsonObject { [ExportCards.ExportIdKey] = exportId },
            ["uploadInfo"] = new JsonObject { ["uploadUrl"] = scenario.TeamsService.UploadUrl("x.csv").AbsoluteUri, ["name"] = "x.csv" },
        }, "m-offer");

        Assert.Equal(HttpStatusCode.OK, invoke.StatusCode);
        Assert.Empty(scenario.TeamsService.Uploads);
    }

    [Fact]
    public async Task Export_InChannel_PostsASummaryCard_AndOffersTheFileToTheRequesterPrivately()
    {
        await using var scenario = await StartWithHistoryAsync();

        var reply = await scenario.SayInChannelForReplyAsync(Speaker.Ada, SocChannels.Monitoring, "export 2026-01-05 2026-01-05");

        var card = PostedCards.CardOf(reply);
        var texts = PostedCards.Texts(card);
        Assert.Equal("Audit log 2026-01-05", texts[0]);
        Assert.Equal("2 entries by people · requested by Ada Lovelace", texts[1]);
        Assert.Equal("Ada Lovelace, I sent you the file in our personal chat.", texts[^1]);
        var facts = card.GetProperty("body").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "FactSet").GetProperty("facts").EnumerateArray()
            .Select(f => (f.GetProperty("title").GetString(), f.GetProperty("value").GetString())).ToList();
        Assert.Equal([("Monitoring", "1 channel linked · 1 completed")], facts.Select(f => (f.Item1, string.Join(" · ", f.Item2!.Split(" · ").Order(StringComparer.Ordinal)))));

        var chat = Assert.Single(scenario.Connector.Requests, r => r.Method == "POST" && r.PathAndQuery == "/v3/conversations" && !r.Json.GetProperty("isGroup").GetBoolean());
        Assert.False(chat.Json.GetProperty("isGroup").GetBoolean());
        Assert.Equal(Speaker.Ada.Id, chat.Json.GetProperty("members")[0].GetProperty("id").GetString());
        var privateOffer = Assert.Single(scenario.Connector.Requests, r => r.Method == "POST" && r.PathAndQuery.StartsWith("/v3/conversations/a%3A1on1-", StringComparison.Ordinal));
        Assert.Equal(ExportCards.FileConsentContentType, privateOffer.Json.GetProperty("attachments")[0].GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task Export_WithPublicBaseUrl_AlsoLinksToTheFile_WhichAnyInstanceServesForAnHour()
    {
        await using var scenario = await StartWithHistoryAsync(LinkSettings);

        var reply = await scenario.SayInChatAsync(Speaker.Admin, "export 2026-01-05 all");

        var link = Link().Match(reply);
        Assert.True(link.Success, reply);
        var path = $"exports/{link.Groups["tenant"].Value}/{link.Groups["id"].Value}.csv?expires={link.Groups["expires"].Value}&sig={link.Groups["sig"].Value}";
        Assert.Equal((scenario.Time.GetUtcNow() + AuditExporter.Lifetime).ToUnixTimeSeconds(), long.Parse(link.Groups["expires"].Value, CultureInfo.InvariantCulture));
        using (var download = await scenario.Bot.Http.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            var rows = CsvReader.Read(await download.Content.ReadAsStringAsync());
            Assert.Equal([.. AuditExporter.HumanColumns, .. AuditExporter.IdColumns], rows[0]);
            Assert.Equal(3, rows.Count(r => r[3] == "claimed"));
            Assert.Equal(3, rows.Count(r => r[3] == "posted"));
            Assert.Contains(rows, r => r[3] == "completed" && r[10] == "generate-secure-score-report/monitoring/2026-W02" && r[11] == Speaker.Ada.AadObjectId);
        }

        scenario.Time.Advance(AuditExporter.Lifetime);
        using var expired = await scenario.Bot.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
    }

    [Fact]
    public async Task ExportLink_SignatureOrExpiryEdited_Answers403()
    {
        await using var scenario = await StartWithHistoryAsync(LinkSettings);
        var link = Link().Match(await scenario.SayInChatAsync(Speaker.Admin, "export 2026-01-05"));
        Assert.True(link.Success);
        var file = $"exports/{link.Groups["tenant"].Value}/{link.Groups["id"].Value}.csv";
        var later = long.Parse(link.Groups["expires"].Value, CultureInfo.InvariantCulture) + 86_400;
        var sig = link.Groups["sig"].Value;
        var otherSig = (sig[0] == 'A' ? "B" : "A") + sig[1..];

        foreach (var tampered in new[] { file, $"{file}?expires={later}&sig={sig}", $"{file}?expires={link.Groups["expires"].Value}&sig={otherSig}" })
        {
            using var response = await scenario.Bot.Http.GetAsync(tampered);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task PublicBaseUrl_WithoutExportLinkKey_RefusesToStart_NamingTheKey()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            SocBotTestHost.StartAsync(new Dictionary<string, string?> { ["SocBot:PublicBaseUrl"] = "https://socbot.example/", ["SocBot:ExportLinkKey"] = Convert.ToBase64String(new byte[16]) }));

        Assert.Contains("SocBot:ExportLinkKey", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportsEndpoint_UnknownIdSignedWithTheKey_Answers404()
    {
        await using var scenario = await CommandScenario.StartAsync(configuration: LinkSettings);
        var signer = scenario.Bot.Services.GetRequiredService<ExportLinkSigner>();
        var now = scenario.Time.GetUtcNow();
        var link = signer.LinkTo(new Uri("https://socbot.example/bot/"), new StoredExport(CommandScenario.TenantId, "0123456789abcdef0123456789abcdef", "x.csv", [], new Actor("a", "b"), now, now.AddHours(1)));

        using var response = await scenario.Bot.Http.GetAsync(link.PathAndQuery.Replace("/bot/", string.Empty, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("export")]
    [InlineData("export 5/1/2026 2026-01-06")]
    [InlineData("export 2026-01-06 2026-01-05")]
    [InlineData("export 2026-01-05 2026-01-06 2026-01-07")]
    public async Task Export_BadRange_ExplainsTheForm(string text)
    {
        await using var scenario = await CommandScenario.StartAsync();
        await scenario.LinkAsync((SocChannels.Monitoring, "monitoring"));

        var reply = await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, text);

        Assert.StartsWith("Say `export ‹from› ‹to›` with two days (yyyy-MM-dd, UTC)", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_InUnlinkedChat_ByATeamMember_SaysWhereToAsk()
    {
        await using var scenario = await CommandScenario.StartAsync();
        await scenario.LinkAsync((SocChannels.Oversight, "soc-oversight"));

        var reply = await scenario.SayInChatAsync(Speaker.Grace, "export 2026-01-05 2026-01-05");

        Assert.StartsWith("This conversation isn't linked to a SOC team, so `export` has no team's audit log to give. Say it in your team's channel", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://socbot.example/")]
    [InlineData("https://socbot.example/?x=1")]
    public async Task PublicBaseUrl_Invalid_RefusesToStart_NamingTheKey(string value)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            SocBotTestHost.StartAsync(new Dictionary<string, string?> { ["SocBot:PublicBaseUrl"] = value, ["SocBot:ExportLinkKey"] = LinkSettings["SocBot:ExportLinkKey"] }));

        Assert.Contains("SocBot:PublicBaseUrl", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>Monitoring linked, Monday's pass posted its three reminders, Ada completed one with a hostile note and evidence on the card.</summary>
    private static async Task<CommandScenario> StartWithHistoryAsync(IDictionary<string, string?>? configuration = null)
    {
        var scenario = await CommandScenario.StartAsync(configuration: configuration);
        await scenario.LinkAsync((SocChannels.Monitoring, "monitoring"));
        await scenario.RunPassAsync();
        var done = await scenario.SayInChannelAsync(Speaker.Ada, SocChannels.Monitoring, $"complete secure score {Note}");
        Assert.StartsWith("Recorded **Generate Secure Score report**", done, StringComparison.Ordinal);
        return scenario;
    }

    /// <summary>What people did, in people's columns: the link and the completion, not the bot's claims and posts.</summary>
    private static void AssertHumanRows(List<string[]> rows)
    {
        Assert.Equal(AuditExporter.HumanColumns, rows[0]);
        var entries = rows.Skip(1).ToList();
        Assert.All(entries, r => Assert.Equal(AuditExporter.HumanColumns.Count, r.Length));
        Assert.Equal(["channel linked", "completed"], entries.Select(r => r[3]));
        var bound = entries[0];
        Assert.Equal(["2026-01-05 09:00 +00:00", "", "Monitoring", "Alex Admin"], [bound[0], bound[1], bound[2], bound[4]]);
        var completed = entries[1];
        Assert.Equal(["Generate Secure Score report", "Monitoring", "completed", "Ada Lovelace", "'" + Note], completed[1..6]);
        Assert.DoesNotContain(rows.SelectMany(r => r), f => f.Contains(CommandScenario.TenantId, StringComparison.Ordinal) || f.Contains("aad-", StringComparison.Ordinal));
    }

    private static readonly Dictionary<string, string?> LinkSettings = new()
    {
        ["SocBot:PublicBaseUrl"] = "https://socbot.example/bot/",
        ["SocBot:ExportLinkKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
    };

    [GeneratedRegex(@"\(https://socbot\.example/bot/exports/(?<tenant>[^/]+)/(?<id>[0-9a-f]{32})\.csv\?expires=(?<expires>[0-9]+)&sig=(?<sig>[A-Za-z0-9_-]{43})\)")]
    private static partial Regex Link();
}
