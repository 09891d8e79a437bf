using System.Globalization;
using SocBot.Scheduling;

namespace SocBot.Reports;

/// <summary>The days an export covers, in the org's time zone: [From, To) with the last day included.</summary>
public sealed record ExportRange(DateOnly FirstDay, DateOnly LastDay, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>"2026-01-05" for one day, "2026-01-05 to 2026-01-31" for several.</summary>
    public string Label => FirstDay == LastDay
        ? FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{FirstDay:yyyy-MM-dd} to {LastDay:yyyy-MM-dd}");

    /// <summary>One day ("2026-01-05", "today") or two; null when a word is not a day or the second is before the first.</summary>
    public static ExportRange? Parse(IReadOnlyList<string> days, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (days.Count is < 1 or > 2 || Day(days[0], zone, now) is not { } first || Day(days[^1], zone, now) is not { } last || last < first)
        {
            return null;
        }

        return new ExportRange(first, last, LocalClock.ToInstant(first, TimeOnly.MinValue, zone), LocalClock.ToInstant(last.AddDays(1), TimeOnly.MinValue, zone));
    }

    private static DateOnly? Day(string word, TimeZoneInfo zone, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return word.ToLowerInvariant() switch
        {
            "today" => today,
            "yesterday" => today.AddDays(-1),
            _ => DateOnly.TryParseExact(word, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null,
        };
    }
}
