using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocBot.Testing.Fuzzing;

namespace SocBot.Tests.EndToEnd;

/// <summary>
/// Whatever a client sends to /api/messages is answered with a 4xx and a short reason, or with 200 where Teams itself
/// could send it — never a 5xx — and the bot keeps serving. The findings of the fuzz probe first, then a seeded fuzz run.
/// </summary>
public sealed class ClientInputFaultTests : DevelopmentBotTests
{
    /// <summary>500 cases in the suite; scripts/reliability-probes.sh runs 5,000.</summary>
    private static readonly int SuiteFuzzCases = ProbeSize.Pick(500, 5_000);

    [Theory]
    [InlineData("membersAdded")]
    [InlineData("membersRemoved")]
    public async Task ConversationUpdate_NullInsideMembers_Answers200_AndTheBotKeepsServing(string members)
    {
        var activity = TeamsActivities.BotAddedToTeam(Connector.BaseUrl);
        activity.Remove("membersAdded");
        activity[members] = new JsonArray(null, new JsonObject { ["id"] = "29:someone" });

        using var response = await Bot.PostActivityAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertStillServingAsync();
    }

    [Theory]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xFF })]
    public async Task CardAction_BytesThatAreNotUtf8InItsData_Answers400WithAReason(byte[] invalid)
    {
        var activity = CardAction("@@here@@");

        using var response = await Bot.PostActivityAsync(Splice(activity.ToJsonString(), "@@here@@", invalid));

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest);
        await AssertStillServingAsync();
    }

    [Theory]
    [InlineData("membersAdded", "\"everyone\"")]
    [InlineData("membersAdded", "[1, true]")]
    [InlineData("from", "5")]
    [InlineData("timestamp", "\"last tuesday\"")]
    [InlineData("attachments", "{\"contentType\":1}")]
    [InlineData("entities", "7")]
    public async Task KnownField_OfTheWrongType_Answers400WithAReason(string field, string value)
    {
        var activity = TeamsActivities.PersonalMessage(Connector.BaseUrl, "help");
        activity[field] = JsonNode.Parse(value);

        using var response = await Bot.PostActivityAsync(activity.ToJsonString());

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest);
        await AssertStillServingAsync();
    }

    /// <summary>Found by the 5,000-case fuzz: an id this long made the reply's connector URL longer than a URI may be.</summary>
    [Theory]
    [InlineData("conversation")]
    [InlineData("id")]
    [InlineData("replyToId")]
    public async Task Message_IdLongerThanTeamsEverSends_Answers400WithAReason(string field)
    {
        var activity = TeamsActivities.PersonalMessage(Connector.BaseUrl, "help");
        var huge = new string('x', 70_000);
        if (field == "conversation")
        {
            activity["conversation"]!["id"] = huge;
        }
        else
        {
            activity[field] = huge;
        }

        using var response = await Bot.PostActivityAsync(activity.ToJsonString());

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task CardAction_DeeplyNestedData_Answers400WithAReason()
    {
        var activity = CardAction("@@deep@@");

        using var response = await Bot.PostActivityAsync(Splice(activity.ToJsonString(), "\"@@deep@@\"", Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000))));

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest);
        await AssertStillServingAsync();
    }

    [Theory]
    [InlineData("text")]
    [InlineData("value")]
    public async Task HugeStringWithinTheBodyLimit_IsAnsweredWithout5xx(string field)
    {
        var activity = field == "text" ? TeamsActivities.PersonalMessage(Connector.BaseUrl, "help") : CardAction("x");
        activity[field] = new string('a', 250_000);

        using var response = await Bot.PostActivityAsync(activity.ToJsonString());

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task FuzzedActivities_FixedSeed_NeverAnswer5xx_AndTheBotKeepsServing()
    {
        var fuzzer = new ActivityFuzzer(seed: 14, Connector.BaseUrl);
        var failures = new List<string>();

        for (var i = 0; i < SuiteFuzzCases; i++)
        {
            var (body, description) = fuzzer.Next();
            using var response = await Bot.PostActivityAsync(body);
            // 501 is the Bot Framework's answer to an invoke the bot does not implement (see UnknownInvoke_Answers501).
            if ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.NotImplemented)
            {
                failures.Add($"#{i} {description} → {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {SuiteFuzzCases} answered 5xx:\n{string.Join('\n', failures)}");
        await AssertStillServingAsync();
    }

    private JsonObject CardAction(string verb)
    {
        var activity = TeamsActivities.ChannelMessage(Connector.BaseUrl, "");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity.Remove("text");
        activity.Remove("entities");
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = "complete",
                ["data"] = new JsonObject { ["socbot"] = "occurrence", ["tenant"] = TeamsActivities.TenantId, ["team"] = "monitoring", ["occ"] = "generate-secure-score-report/monitoring/2026-W02", ["note"] = verb },
            },
            ["trigger"] = "manual",
        };
        return activity;
    }

    private static byte[] Splice(string json, string marker, byte[] replacement)
    {
        var at = json.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0);
        return [.. Encoding.UTF8.GetBytes(json[..at]), .. replacement, .. Encoding.UTF8.GetBytes(json[(at + marker.Length)..])];
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        using var error = JsonDocument.Parse(text);
        Assert.False(string.IsNullOrWhiteSpace(error.RootElement.GetProperty("error").GetString()));
    }

    private async Task AssertStillServingAsync()
    {
        var before = Connector.Requests.Count;
        using var good = await Bot.PostActivityAsync(TeamsActivities.PersonalMessage(Connector.BaseUrl, "help").ToJsonString());
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(before + 1, Connector.Requests.Count);
    }
}
