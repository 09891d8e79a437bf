namespace SocBot.Scheduling;

/// <summary>Turns a wall-clock reading in a time zone into an instant, deciding the two DST edge cases.</summary>
internal static class LocalClock
{
    /// <summary>
    /// The instant <paramref name="day"/> at <paramref name="time"/> in <paramref name="zone"/>, with the zone's offset.
    /// A reading skipped by a spring-forward gap moves on by the gap (01:30 becomes 02:30 summer time); a reading that
    /// happens twice in the autumn is taken the first time, so a reminder never comes an hour late.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        DateTimeOffset instant;
        if (zone.IsInvalidTime(local))
        {
            instant = new DateTimeOffset(local, zone.GetUtcOffset(local.AddDays(-1)));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            instant = new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        }
        else
        {
            instant = new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        return TimeZoneInfo.ConvertTime(instant, zone);
    }
}
