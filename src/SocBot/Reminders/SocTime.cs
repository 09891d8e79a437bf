using System.Globalization;

namespace SocBot.Reminders;

/// <summary>How times read on cards and in reports: local to the team, with a plain relative hint.</summary>
public static class SocTime
{
    private static readonly HashSet<string> UtcIds = new(StringComparer.OrdinalIgnoreCase)
    {
        "UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "Etc/GMT", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "Etc/Greenwich", "UCT", "Universal", "Zulu", "GMT",
    };

    public static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"Mon 5 Jan 17:00 UTC", "Mon 5 Jan 17:00 London time": a local time that says which clock it is on.</summary>
    public static string LocalWithZone(DateTimeOffset instant, TimeZoneInfo zone) => $"{Local(instant, zone)} {ZoneName(zone)}";

    public static string Clock(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// A time zone as people write it: "UTC" for the UTC aliases, else the IANA id's city ("Europe/London" → "London time",
    /// "America/Argentina/Buenos_Aires" → "Buenos Aires time").
    /// </summary>
    public static string ZoneName(TimeZoneInfo zone)
    {
        if (UtcIds.Contains(zone.Id) || zone == TimeZoneInfo.Utc)
        {
            return "UTC";
        }

        var slash = zone.Id.LastIndexOf('/');
        return slash < 0 || zone.Id.StartsWith("Etc/", StringComparison.OrdinalIgnoreCase)
            ? zone.StandardName
            : $"{zone.Id[(slash + 1)..].Replace('_', ' ')} time";
    }

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
