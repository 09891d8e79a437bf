namespace SocBot.Catalog;

/// <summary>When an occurrence falls due.</summary>
/// <param name="Time">Local time of day the occurrence is due.</param>
/// <param name="WorkingDaysAfterReminder">
/// Null: due on the last working day of the period (the end of the day, week, month or quarter).
/// A number: due that many working days after the reminder's day (0 = the same day), even past the period's end.
/// </param>
public sealed record DueRules(TimeOnly Time, int? WorkingDaysAfterReminder);
