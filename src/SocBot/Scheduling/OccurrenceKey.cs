using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SocBot.Scheduling;

/// <summary>
/// The identity of an occurrence: task, team and period, e.g. "update-soc-escalation-tickets/monitoring/2026-01-05".
/// Periods: a day "2026-01-05", an ISO week "2026-W01", a month "2026-01", a quarter "2026-Q1", or an on-demand run
/// "adhoc-&lt;id&gt;". The string form uses only ASCII letters, digits, '-' and the two '/' separators, so it is safe in
/// storage keys and card data; <see cref="Parse"/> reads back exactly what <see cref="ToString"/> writes.
/// </summary>
public sealed partial record OccurrenceKey
{
    private const string AdHocPrefix = "adhoc-";

    private OccurrenceKey(string taskId, string teamId, string period)
    {
        TaskId = taskId;
        TeamId = teamId;
        Period = period;
    }

    public string TaskId { get; }

    public string TeamId { get; }

    /// <summary>The period part of the key, e.g. "2026-W01".</summary>
    public string Period { get; }

    public bool IsAdHoc => Period.StartsWith(AdHocPrefix, StringComparison.Ordinal);

    public static OccurrenceKey ForDay(string taskId, string teamId, DateOnly day) =>
        Create(taskId, teamId, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>A week key; <paramref name="dayInWeek"/> may be any day of the ISO week.</summary>
    public static OccurrenceKey ForIsoWeek(string taskId, string teamId, DateOnly dayInWeek)
    {
        var date = dayInWeek.ToDateTime(TimeOnly.MinValue);
        return Create(taskId, teamId, string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date):D4}-W{ISOWeek.GetWeekOfYear(date):D2}"));
    }

    public static OccurrenceKey ForMonth(string taskId, string teamId, int year, int month) =>
        Create(taskId, teamId, new DateOnly(year, month, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture));

    public static OccurrenceKey ForQuarter(string taskId, string teamId, int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return Create(taskId, teamId, string.Create(CultureInfo.InvariantCulture, $"{year:D4}-Q{quarter}"));
    }

    /// <summary>An on-demand run; <paramref name="adHocId"/> is lower-case letters, digits and '-' (at most 64).</summary>
    public static OccurrenceKey ForAdHoc(string taskId, string teamId, string adHocId)
    {
        if (!IsSafeId(adHocId) || adHocId.Length > 64)
        {
            throw new ArgumentException($"Ad-hoc id '{adHocId}' must be 1-64 lower-case letters, digits or '-'.", nameof(adHocId));
        }

        return Create(taskId, teamId, AdHocPrefix + adHocId);
    }

    /// <summary>True when <paramref name="id"/> is usable as a task, team or ad-hoc id inside a key.</summary>
    public static bool IsSafeId(string id) => SafeId().IsMatch(id);

    public static OccurrenceKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException($"'{text}' is not an occurrence key (task/team/period).");

    public static bool TryParse(string? text, [NotNullWhen(true)] out OccurrenceKey? key)
    {
        key = null;
        var parts = text?.Split('/');
        if (parts is not { Length: 3 } || !IsSafeId(parts[0]) || !IsSafeId(parts[1]) || !IsValidPeriod(parts[2]))
        {
            return false;
        }

        key = new OccurrenceKey(parts[0], parts[1], parts[2]);
        return true;
    }

    public override string ToString() => $"{TaskId}/{TeamId}/{Period}";

    private static OccurrenceKey Create(string taskId, string teamId, string period)
    {
        if (!IsSafeId(taskId))
        {
            throw new ArgumentException($"Task id '{taskId}' is not a safe id.", nameof(taskId));
        }

        if (!IsSafeId(teamId))
        {
            throw new ArgumentException($"Team id '{teamId}' is not a safe id.", nameof(teamId));
        }

        return new OccurrenceKey(taskId, teamId, period);
    }

    private static bool IsValidPeriod(string period)
    {
        if (period.StartsWith(AdHocPrefix, StringComparison.Ordinal))
        {
            var id = period[AdHocPrefix.Length..];
            return id.Length <= 64 && IsSafeId(id);
        }

        var match = PeriodPattern().Match(period);
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["week"].Success)
        {
            var week = int.Parse(match.Groups["week"].Value, CultureInfo.InvariantCulture);
            return year >= 1 && week >= 1 && week <= ISOWeek.GetWeeksInYear(year);
        }

        if (match.Groups["quarter"].Success)
        {
            return year >= 1;
        }

        var format = match.Groups["day"].Success ? "yyyy-MM-dd" : "yyyy-MM";
        return DateOnly.TryParseExact(period, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SafeId();

    [GeneratedRegex(@"^(?<year>\d{4})(-W(?<week>\d{2})|-Q(?<quarter>[1-4])|-(?<month>\d{2})(-(?<day>\d{2}))?)$")]
    private static partial Regex PeriodPattern();
}
