using System.Text.Json;

namespace SocBot.Testing.Cards;

/// <summary>The occurrences a posted reminder card acts on: the "occ" of each Action.Execute's data, once each.</summary>
public static class CardOccurrences
{
    public static IReadOnlyList<string> InActivity(JsonElement activity)
    {
        var keys = new List<string>();
        var open = new Stack<JsonElement>();
        open.Push(activity);
        while (open.TryPop(out var element))
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    open.Push(item);
                }

                continue;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (element.TryGetProperty("type", out var type) && type.ValueEquals("Action.Execute")
                && element.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("occ", out var occ) && occ.GetString() is { } key && !keys.Contains(key))
            {
                keys.Add(key);
            }

            foreach (var property in element.EnumerateObject())
            {
                open.Push(property.Value);
            }
        }

        return keys;
    }
}
