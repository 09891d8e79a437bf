using System.Globalization;

namespace SocBot.Reminders;

/// <summary>How times read on cards and in reports: local to the team, with a plain relative hint.</summary>
public static class SocTime
{
    public static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);

    public static string Clock(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"3 h", "2 d", "45 min": the rough size of a span, as people say it.</summary>
    public static string Span(TimeSpan span)
    {
        span = span.Duration();
        return span switch
        {
            { TotalMinutes: < 1 } => "less than a minute",
            { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
            { TotalHours: < 48 } => $"{(int)span.TotalHours} h",
            _ => $"{(int)span.TotalDays} d",
        };
    }

    /// <summary>"due in 3 h" before the due instant, "overdue by 2 d" from it on.</summary>
    public static string DueHint(DateTimeOffset dueAt, DateTimeOffset now) =>
        dueAt > now ? $"due in {Span(dueAt - now)}" : $"overdue by {Span(now - dueAt)}";
}
