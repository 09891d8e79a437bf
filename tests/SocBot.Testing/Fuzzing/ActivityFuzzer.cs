using System.Text;
using System.Text.Json.Nodes;

namespace SocBot.Testing.Fuzzing;

/// <summary>
/// Bodies for /api/messages that a hostile or broken client could send, reproducible from a seed: activities shaped as
/// Teams sends them (messages, card clicks, submits, installs, removals), each with one to three faults — a value of the
/// wrong type, null inside an array, a field removed, bytes that are not UTF-8 inside a string, deep nesting, a huge
/// string, an unknown field, a truncated body. The same seed gives the same bodies, so a failure can be replayed.
/// </summary>
public sealed class ActivityFuzzer(int seed, Uri serviceUrl)
{
    private const string InvalidUtf8Marker = "@@not-utf8@@";
    private const string DeepMarker = "\"@@deep@@\"";

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xED, 0xA0, 0x80], // an encoded surrogate half
        [0xFF],
        [0xC0, 0xAF], // overlong "/"
        [0x80], // a lone continuation byte
        [0xE2, 0x82], // a truncated sequence
    ];

    private readonly Random _random = new(seed);

    /// <summary>The next fuzzed body and what was done to it, for the failure message.</summary>
    public (byte[] Body, string Description) Next()
    {
        var (name, activity) = Template();
        var faults = new List<string>();
        var count = _random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            faults.Add(Mutate(activity));
        }

        var bytes = Encoding.UTF8.GetBytes(activity.ToJsonString());
        bytes = Expand(bytes, Encoding.UTF8.GetBytes(DeepMarker), () => Encoding.UTF8.GetBytes(new string('[', 300) + new string(']', 300)));
        bytes = Expand(bytes, Encoding.UTF8.GetBytes(InvalidUtf8Marker), () => InvalidUtf8[_random.Next(InvalidUtf8.Length)]);
        if (_random.Next(20) == 0)
        {
            bytes = bytes[.._random.Next(1, bytes.Length)];
            faults.Add("truncated");
        }

        return (bytes, $"{name}: {string.Join("; ", faults)}");
    }

    private (string Name, JsonObject Activity) Template()
    {
        var activity = new JsonObject
        {
            ["id"] = $"fuzz-{_random.Next()}",
            ["timestamp"] = "2026-01-05T09:00:00.000Z",
            ["serviceUrl"] = serviceUrl.AbsoluteUri,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:fuzz", ["name"] = "Fuzz", ["aadObjectId"] = "aad-fuzz" },
            ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "SocBot" },
            ["conversation"] = new JsonObject
            {
                ["id"] = "19:fuzz@thread.tacv2;messageid=1",
                ["conversationType"] = "channel",
                ["isGroup"] = true,
                ["tenantId"] = "tenant-fuzz",
            },
            ["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = "tenant-fuzz" },
                ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2", ["name"] = "SOC" },
                ["channel"] = new JsonObject { ["id"] = "19:fuzz@thread.tacv2" },
            },
        };
        var data = new JsonObject { ["socbot"] = "occurrence", ["tenant"] = "tenant-fuzz", ["team"] = "monitoring", ["occ"] = "generate-secure-score-report/monitoring/2026-W02" };
        switch (_random.Next(6))
        {
            case 0:
                activity["type"] = "message";
                activity["text"] = "<at>SocBot</at> who owns threat intel feeds?";
                activity["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>SocBot</at>", ["mentioned"] = new JsonObject { ["id"] = "28:bot", ["name"] = "SocBot" } });
                return ("message", activity);
            case 1:
                activity["type"] = "invoke";
                activity["name"] = "adaptiveCard/action";
                activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "socbot.complete", ["data"] = data }, ["trigger"] = "manual" };
                return ("card action", activity);
            case 2:
                activity["type"] = "message";
                data["verb"] = "socbot.complete";
                data["note"] = "done";
                activity["replyToId"] = "1";
                activity["value"] = data;
                return ("submit", activity);
            case 3:
                activity["type"] = "conversationUpdate";
                activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:bot" }, new JsonObject { ["id"] = "29:someone" });
                activity["channelData"]!["eventType"] = "teamMemberAdded";
                return ("members added", activity);
            case 4:
                activity["type"] = "conversationUpdate";
                activity["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = "28:bot" });
                activity["channelData"]!["eventType"] = "teamMemberRemoved";
                return ("members removed", activity);
            default:
                activity["type"] = "invoke";
                activity["name"] = "composeExtension/query";
                activity["value"] = new JsonObject { ["commandId"] = "search", ["parameters"] = new JsonArray(new JsonObject { ["name"] = "q", ["value"] = "x" }) };
                return ("other invoke", activity);
        }
    }

    private string Mutate(JsonObject activity)
    {
        var nodes = new List<(JsonNode Parent, string? Property, int Index, string Path)>();
        Collect(activity, "$", nodes);
        var (parent, property, index, path) = nodes[_random.Next(nodes.Count)];
        switch (_random.Next(6))
        {
            case 0 when parent is JsonArray array:
                array.Insert(_random.Next(array.Count + 1), null);
                return $"null inserted into {path}";
            case 1 when property is not null:
                ((JsonObject)parent).Remove(property);
                return $"{path} removed";
            case 2 when property is not null:
                ((JsonObject)parent)["unknown" + _random.Next(100)] = Replacement(out _);
                return $"unknown field beside {path}";
            default:
                var replacement = Replacement(out var kind);
                if (property is not null)
                {
                    ((JsonObject)parent)[property] = replacement;
                }
                else
                {
                    ((JsonArray)parent)[index] = replacement;
                }

                return $"{path} = {kind}";
        }
    }

    private JsonNode? Replacement(out string kind)
    {
        switch (_random.Next(12))
        {
            case 0: kind = "null"; return null;
            case 1: kind = "number"; return JsonValue.Create(_random.Next(-5, 5));
            case 2: kind = "huge number"; return JsonValue.Create(1e308);
            case 3: kind = "bool"; return JsonValue.Create(_random.Next(2) == 0);
            case 4: kind = "empty string"; return JsonValue.Create(string.Empty);
            case 5: kind = "huge string"; return JsonValue.Create(new string('x', _random.Next(10_000, 200_000)));
            case 6: kind = "[null]"; return new JsonArray((JsonNode?)null);
            case 7: kind = "{}"; return new JsonObject();
            case 8: kind = "deep nesting"; return JsonValue.Create("@@deep@@");
            case 9: kind = "array of objects"; return new JsonArray(new JsonObject { ["id"] = null }, new JsonObject());
            default: kind = "bytes that are not UTF-8"; return JsonValue.Create("done " + InvalidUtf8Marker + " now");
        }
    }

    private static void Collect(JsonNode node, string path, List<(JsonNode, string?, int, string)> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    into.Add((obj, name, -1, $"{path}.{name}"));
                    if (child is not null)
                    {
                        Collect(child, $"{path}.{name}", into);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    into.Add((array, null, i, $"{path}[{i}]"));
                    if (array[i] is { } child)
                    {
                        Collect(child, $"{path}[{i}]", into);
                    }
                }

                break;
        }
    }

    /// <summary>Replaces each occurrence of <paramref name="marker"/> with fresh bytes: what JSON text cannot hold on its own.</summary>
    private static byte[] Expand(byte[] bytes, byte[] marker, Func<byte[]> replacement)
    {
        var output = new List<byte>(bytes.Length);
        var span = bytes.AsSpan();
        while (span.IndexOf(marker) is var at && at >= 0)
        {
            output.AddRange(span[..at]);
            output.AddRange(replacement());
            span = span[(at + marker.Length)..];
        }

        output.AddRange(span);
        return output.ToArray();
    }
}
