namespace SocBot.Reminders;

/// <summary>What one pass did (or, in a dry run, would do), for the log, the CLI and the tests.</summary>
public sealed record ReminderPassReport(DateTimeOffset At, bool DryRun, IReadOnlyList<ReminderPassItem> Items)
{
    public IEnumerable<ReminderPassItem> Posted => Items.Where(i => i.Outcome is ReminderOutcome.Posted or ReminderOutcome.WouldPost);
}
