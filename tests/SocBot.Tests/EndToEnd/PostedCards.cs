using System.Text.Json;

namespace SocBot.Tests.EndToEnd;

/// <summary>Reads what a posted activity's Adaptive Card says: its texts and the occurrences its buttons act on.</summary>
public static class PostedCards
{
    public static JsonElement CardOf(JsonElement activity) =>
        activity.GetProperty("attachments")[0].GetProperty("content");

    /// <summary>Every occurrence key named by the card's Action.Execute data, in order, once each.</summary>
    public static IReadOnlyList<string> OccurrenceKeys(JsonElement card) =>
        Walk(card).Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var t) && t.GetString() == "Action.Execute")
            .Select(e => e.GetProperty("data"))
            .Where(d => d.TryGetProperty("occ", out _))
            .Select(d => d.GetProperty("occ").GetString()!)
            .Distinct()
            .ToList();

    /// <summary>Every TextBlock text and fact value in the card, in order.</summary>
    public static IReadOnlyList<string> Texts(JsonElement card) =>
        Walk(card).Select(TextOf).OfType<string>().ToList();

    public static IReadOnlyList<string> Verbs(JsonElement card) =>
        Walk(card).Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var t) && t.GetString() == "Action.Execute")
            .Select(e => e.GetProperty("verb").GetString()!)
            .ToList();

    /// <summary>What each imBack button of the card says in the person's name when clicked, in order.</summary>
    public static IReadOnlyList<string> ImBackValues(JsonElement card) =>
        Walk(card).Where(e => e.ValueKind == JsonValueKind.Object
                && e.TryGetProperty("msteams", out var teams) && teams.ValueKind == JsonValueKind.Object
                && teams.TryGetProperty("type", out var t) && t.GetString() == "imBack")
            .Select(e => e.GetProperty("msteams").GetProperty("value").GetString()!)
            .ToList();

    /// <summary>The url of every Action.OpenUrl in the card, in order.</summary>
    public static IReadOnlyList<string> OpenUrls(JsonElement card) =>
        Walk(card).Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var t) && t.GetString() == "Action.OpenUrl")
            .Select(e => e.GetProperty("url").GetString()!)
            .ToList();

    /// <summary>The ids the card's msteams mentions carry, in order.</summary>
    public static IReadOnlyList<string> MentionedIds(JsonElement card) =>
        card.TryGetProperty("msteams", out var teams) && teams.TryGetProperty("entities", out var entities)
            ? entities.EnumerateArray().Select(e => e.GetProperty("mentioned").GetProperty("id").GetString()!).ToList()
            : [];

    /// <summary>Every Action.Execute of the card with this verb, in order.</summary>
    public static IReadOnlyList<JsonElement> Actions(JsonElement card, string verb) =>
        Walk(card).Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var t) && t.GetString() == "Action.Execute"
                && e.GetProperty("verb").GetString() == verb).ToList();

    public static JsonElement FindAction(JsonElement card, string verb) =>
        Walk(card).First(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("verb", out var v) && v.GetString() == verb);

    private static string? TextOf(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (e.TryGetProperty("type", out var type) && type.GetString() == "TextBlock")
        {
            return e.GetProperty("text").GetString();
        }

        return e.TryGetProperty("title", out var title) && e.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String
            ? $"{title.GetString()}: {value.GetString()}"
            : null;
    }

    private static IEnumerable<JsonElement> Walk(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var descendant in Walk(child))
            {
                yield return descendant;
            }
        }
    }
}
