using System.Globalization;

namespace SocBot.State;

/// <summary>Counts a team's occurrences per ISO week of their due date (UTC), as both backends report them.</summary>
internal static class WeeklyCompletionRates
{
    public static IReadOnlyList<WeeklyCompletionRate> Count(string teamId, IEnumerable<(DateTime Due, OccurrenceState State)> occurrences) =>
        occurrences
            .GroupBy(r => (Year: ISOWeek.GetYear(r.Due), Week: ISOWeek.GetWeekOfYear(r.Due)))
            .OrderBy(g => g.Key)
            .Select(g => new WeeklyCompletionRate(
                teamId,
                g.Key.Year,
                g.Key.Week,
                g.Count(),
                g.Count(r => r.State == OccurrenceState.Completed),
                g.Count(r => r.State == OccurrenceState.Skipped),
                g.Count(r => r.State is not (OccurrenceState.Completed or OccurrenceState.Skipped))))
            .ToList();
}
