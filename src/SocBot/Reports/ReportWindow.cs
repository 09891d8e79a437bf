namespace SocBot.Reports;

/// <summary>How far reports look into the store around now.</summary>
internal static class ReportWindow
{
    /// <summary>Claimed occurrences may be due well after now (a month's task due at its end, an on-demand run): look this far ahead.</summary>
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(100);

    /// <summary>`history` looks back this far for a task's occurrences.</summary>
    public static readonly TimeSpan HistoryBack = TimeSpan.FromDays(400);
}
