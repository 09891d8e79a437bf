using System.Text;
using System.Text.Json.Nodes;

namespace SocBot.Benchmarks.Hosting;

/// <summary>
/// Ownership questions as Teams delivers them: each in a personal chat of its own (a distinct conversation id and
/// asker), spread round-robin over ten tenants.
/// </summary>
public static class OwnershipQuestions
{
    public static IReadOnlyList<string> Tenants { get; } =
        [.. Enumerable.Range(1, 10).Select(i => $"72f988bf-86f1-41af-91ab-{i:D12}")];

    private static readonly string[] Questions =
    [
        "who owns threat intel feed management?",
        "who handles phishing triage?",
        "which team owns MDE tuning?",
        "who is responsible for vulnerability scanning?",
        "who owns the SIEM use case review?",
        "which team handles incident response?",
        "who owns pen testing?",
        "what does CSIRT do?",
    ];

    /// <summary>The <paramref name="n"/>th question, in conversation <c>a:{run}-{n}</c>.</summary>
    public static byte[] Message(Uri serviceUrl, string run, long n)
    {
        var tenant = Tenants[(int)(Math.Abs(n) % Tenants.Count)];
        var json = new JsonObject
        {
            ["type"] = "message",
            ["id"] = $"m{n}",
            ["text"] = Questions[Math.Abs(n) % Questions.Length],
            ["serviceUrl"] = serviceUrl.ToString(),
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = $"29:user{n}", ["aadObjectId"] = $"00000000-0000-0000-0000-{Math.Abs(n) % 1_000_000_000_000:D12}" },
            ["recipient"] = new JsonObject { ["id"] = "28:bot" },
            ["conversation"] = new JsonObject { ["id"] = $"a:{run}-{n}", ["conversationType"] = "personal", ["tenantId"] = tenant },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } },
        };
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }
}
