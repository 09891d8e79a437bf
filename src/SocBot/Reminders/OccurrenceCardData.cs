using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocBot.Scheduling;

namespace SocBot.Reminders;

/// <summary>
/// What a reminder card's buttons carry back: which tenant, team and occurrence they act on. Nothing here is trusted:
/// the handler checks it against the activity's tenant and the stored occurrence before acting.
/// </summary>
public sealed record OccurrenceCardData(string TenantId, string TeamId, OccurrenceKey Key)
{
    private const string Marker = "socbot";
    private const string MarkerValue = "occurrence";

    /// <summary>The card the button sits on, when the card says so; null for buttons of cards posted before it did.</summary>
    public CardScope? Scope { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            [Marker] = MarkerValue,
            ["tenant"] = TenantId,
            ["team"] = TeamId,
            ["occ"] = Key.ToString(),
        };
        Scope?.WriteTo(json);
        return json;
    }

    /// <summary>Reads the data back from an invoke's action data or a submit's value; false for anything not ours or malformed.</summary>
    public static bool TryRead(JsonElement data, [NotNullWhen(true)] out OccurrenceCardData? result)
    {
        result = null;
        if (data.ValueKind != JsonValueKind.Object
            || Text(data, Marker) != MarkerValue
            || Text(data, "tenant") is not { Length: > 0 } tenant
            || Text(data, "team") is not { Length: > 0 } team
            || Text(data, "occ") is not { } occ
            || !OccurrenceKey.TryParse(occ, out var key)
            || key.TeamId != team)
        {
            return false;
        }

        result = new OccurrenceCardData(tenant, team, key) { Scope = CardScope.Read(data) };
        return true;
    }

    /// <summary>The data key that says which digest row a button belongs to, whose inputs carry the row in their ids.</summary>
    public const string RowKey = "row";

    /// <summary>The id of an input of a card's row: the input's name, with the digest row appended when there is one.</summary>
    public static string InputId(string name, string? row) => row is null ? name : $"{name}-{row}";

    /// <summary>An input's value from a single card or from the digest row the button's data names; null when absent.</summary>
    public static string? Input(JsonElement data, string name) => Text(data, InputId(name, Text(data, RowKey)));

    /// <summary>A string property of the data (an input's value), or null.</summary>
    public static string? Text(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
