namespace SocBot.State;

/// <summary>
/// One team's record for one ISO week (by due date, UTC): occurrences due, completed, skipped and still unresolved.
/// <see cref="Rate"/> counts skips as neither done nor missed; a week with nothing due has no rate.
/// </summary>
public sealed record WeeklyCompletionRate(string TeamId, int IsoYear, int IsoWeek, int Due, int Completed, int Skipped, int Unresolved)
{
    public double? Rate => Due - Skipped is > 0 and var counted ? (double)Completed / counted : null;
}
