using SocBot.Reminders;
using SocBot.State;

namespace SocBot.Reports;

/// <summary>How reports write one occurrence: a list line that reads the same in a Teams reply and on a console.</summary>
internal static class ReportText
{
    /// <summary>"Done", "Skipped", "Overdue" or "Open": what a line starts with.</summary>
    public static string Standing(ReminderView view, DateTimeOffset now) => view.State switch
    {
        OccurrenceState.Completed => "Done",
        OccurrenceState.Skipped => "Skipped",
        _ when view.DueAt < now => "Overdue",
        _ => "Open",
    };

    /// <summary>"- Done: **Task** (Week 2 2026) by Ada at Mon 5 Jan 10:42 UTC — note"; open ones say when they are due.</summary>
    public static string Line(ReminderView view, DateTimeOffset now, bool withTeam = false)
    {
        var team = withTeam ? $" for {view.TeamName}" : string.Empty;
        var head = $"- {Standing(view, now)}: **{OneLine(view.TaskTitle)}** ({view.PeriodLabel}){team}";
        return view.State switch
        {
            OccurrenceState.Completed => $"{head} by {Who(view)} at {When(view)}{Suffix(" — ", view.Note)}{Suffix(" — evidence: ", view.Evidence)}",
            OccurrenceState.Skipped => $"{head} by {Who(view)} at {When(view)}: {OneLine(view.Reason ?? string.Empty)}",
            _ => $"{head} due {SocTime.LocalWithZone(view.DueAt, view.TimeZone)}, {SocTime.DueHint(view.DueAt, now)}{Snoozed(view, now)}",
        };
    }

    /// <summary>Notes and reasons are free text: kept on one line so they cannot break the list.</summary>
    public static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Who(ReminderView view) => view.ResolvedBy?.Name ?? "someone";

    private static string When(ReminderView view) => view.ResolvedAt is { } at ? SocTime.LocalWithZone(at, view.TimeZone) : "an unknown time";

    private static string Suffix(string prefix, string? text) => string.IsNullOrWhiteSpace(text) ? string.Empty : prefix + OneLine(text);

    private static string Snoozed(ReminderView view, DateTimeOffset now) =>
        view.State == OccurrenceState.Snoozed && view.SnoozedUntil is { } until && until > now
            ? $", snoozed until {SocTime.LocalWithZone(until, view.TimeZone)}"
            : string.Empty;
}
