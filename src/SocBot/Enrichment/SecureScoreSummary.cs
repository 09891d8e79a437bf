using System.Globalization;
using Microsoft.Graph.Models;

namespace SocBot.Enrichment;

/// <summary>Turns Graph's daily Secure Score snapshots into a card's facts.</summary>
internal static class SecureScoreSummary
{
    public const string Heading = "Microsoft Secure Score";

    /// <summary>Null when no snapshot has a score to show.</summary>
    public static LiveData? From(IEnumerable<SecureScore> snapshots, DateTimeOffset asOf)
    {
        // Graph documents newest first, but the order is not part of the contract we can test, so sort.
        var scored = snapshots
            .Where(s => s.CurrentScore is not null && s.MaxScore is > 0 && s.CreatedDateTime is not null)
            .OrderByDescending(s => s.CreatedDateTime)
            .ToList();
        if (scored.Count == 0)
        {
            return null;
        }

        var newest = scored[0];
        var current = newest.CurrentScore!.Value;
        var max = newest.MaxScore!.Value;
        // Truncated, not rounded, so a tenant never reads a percentage it has not reached yet.
        var percent = Math.Floor(current / max * 100);
        var facts = new List<LiveFact>
        {
            new("Secure Score", string.Create(CultureInfo.InvariantCulture, $"{current:0.##} / {max:0.##} ({percent:0} %)")),
        };
        var oldest = scored[^1];
        // Named by the days the snapshots really span, since Graph can skip days.
        var days = (newest.CreatedDateTime!.Value.UtcDateTime.Date - oldest.CreatedDateTime!.Value.UtcDateTime.Date).Days;
        if (days > 0)
        {
            var change = current - oldest.CurrentScore!.Value;
            var span = days == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{days} days");
            facts.Add(new LiveFact($"Change in {span}", change.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)));
        }

        facts.Add(new LiveFact("As of", newest.CreatedDateTime!.Value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return new LiveData(Heading, facts, asOf);
    }
}
