using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocBot.Reminders;

/// <summary>
/// Which card a button sits on, so a click rebuilds that card without searching for it: a stand-alone reminder, or a
/// digest with the teams whose occurrences it lists and the range they are due in. About 50 characters per button,
/// so a digest of <see cref="ReminderCards.MaxDigestRows"/> rows stays far inside Teams' message size; buttons of cards
/// posted before scopes were written carry none, and their card is found by the wider search.
/// </summary>
public sealed record CardScope(bool IsDigest, IReadOnlyList<string> TeamIds, DateTimeOffset DueFrom, DateTimeOffset DueTo)
{
    /// <summary>The most characters of team ids a digest's scope holds; a digest of more teams is searched for instead.</summary>
    public const int MaxTeamIdChars = 120;

    /// <summary>The widest due range a scope may name: a forged one cannot make a click read more than the old search.</summary>
    private static readonly TimeSpan MaxDueRange = TimeSpan.FromDays(200);

    private const string CardKey = "card";
    private const string StandAloneValue = "reminder";
    private const string TeamsKey = "teams";
    private const string DueKey = "due";

    private static readonly long MaxMinute = DateTimeOffset.MaxValue.AddDays(-MaxDueRange.TotalDays - 1).ToUnixTimeSeconds() / 60;

    public static readonly CardScope StandAlone = new(false, [], default, default);

    /// <summary>The scope of a digest of these rows; null when its teams would make every button too large.</summary>
    public static CardScope? ForDigest(IReadOnlyList<ReminderView> rows)
    {
        var teams = rows.Select(r => r.Data.TeamId).Distinct(StringComparer.Ordinal).ToList();
        if (teams.Sum(t => t.Length + 1) > MaxTeamIdChars)
        {
            return null;
        }

        // Whole minutes, widened outwards, so the range read back still holds every row's due instant.
        var from = DateTimeOffset.FromUnixTimeSeconds(rows.Min(r => r.DueAt).ToUnixTimeSeconds() / 60 * 60);
        var to = DateTimeOffset.FromUnixTimeSeconds((rows.Max(r => r.DueAt).ToUnixTimeSeconds() / 60 + 1) * 60);
        return new CardScope(true, teams, from, to);
    }

    /// <summary>
    /// Writes the scope into a button's data in few characters, since every button of a digest carries it: the teams as
    /// one space-separated string (team ids hold no spaces) and the due range as its first minute since the Unix epoch
    /// and its length in minutes.
    /// </summary>
    public void WriteTo(JsonObject data)
    {
        if (!IsDigest)
        {
            data[CardKey] = StandAloneValue;
            return;
        }

        var first = DueFrom.ToUnixTimeSeconds() / 60;
        data[TeamsKey] = string.Join(' ', TeamIds);
        data[DueKey] = new JsonArray(first, (DueTo.ToUnixTimeSeconds() + 59) / 60 - first);
    }

    /// <summary>The scope a button's data carries; null when it carries none (an older card) or one that is malformed.</summary>
    public static CardScope? Read(JsonElement data)
    {
        if (OccurrenceCardData.Text(data, CardKey) == StandAloneValue)
        {
            return StandAlone;
        }

        if (OccurrenceCardData.Text(data, TeamsKey)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is not { Length: > 0 and <= ReminderCards.MaxDigestRows } teams
            || !data.TryGetProperty(DueKey, out var due) || due.ValueKind != JsonValueKind.Array || due.GetArrayLength() != 2
            || !due[0].TryGetInt64(out var first) || !due[1].TryGetInt64(out var minutes)
            || first < 0 || first > MaxMinute || minutes <= 0 || minutes > MaxDueRange.TotalMinutes)
        {
            return null;
        }

        var from = DateTimeOffset.FromUnixTimeSeconds(first * 60);
        return new CardScope(true, teams, from, from.AddMinutes(minutes));
    }
}
