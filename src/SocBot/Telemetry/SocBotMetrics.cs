using System.Diagnostics;
using System.Diagnostics.Metrics;
using SocBot.Ownership;
using SocBot.Reminders;
using SocBot.State;

namespace SocBot.Telemetry;

/// <summary>
/// The SOC features' meter: reminder passes (how long, what each reminder came to), card actions by outcome and ownership
/// answers by kind. Each record method returns what it was given, so a call site stays one line.
/// </summary>
public static class SocBotMetrics
{
    public const string MeterName = "SocBot";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> PassDuration = Meter.CreateHistogram<double>(
        "socbot.reminder_pass.duration", "s", "How long one reminder pass took, posting included.");

    private static readonly Counter<long> Reminders = Meter.CreateCounter<long>(
        "socbot.reminders", "{reminder}", "Due reminders a pass handled, by outcome (posted, already claimed, no channel, failed).");

    private static readonly Counter<long> Completions = Meter.CreateCounter<long>(
        "socbot.completions", "{action}", "Complete, skip and snooze actions on occurrences, by outcome.");

    private static readonly Counter<long> OwnershipAnswers = Meter.CreateCounter<long>(
        "socbot.ownership.answers", "{answer}", "Answers to \"who owns X?\", by kind (owner, ambiguous, unknown ...).");

    public static long StartTiming() => Stopwatch.GetTimestamp();

    public static ReminderPassReport PassCompleted(ReminderPassReport report, long startedAt)
    {
        var dryRun = new KeyValuePair<string, object?>("dry_run", report.DryRun);
        PassDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, dryRun);
        foreach (var outcome in report.Items.GroupBy(i => i.Outcome))
        {
            Reminders.Add(outcome.Count(), new("outcome", Tag(outcome.Key)), dryRun);
        }

        return report;
    }

    public static void Completed(OccurrenceUpdateOutcome outcome) => Completions.Add(1, new KeyValuePair<string, object?>("outcome", Tag(outcome)));

    public static OwnershipAnswer Answered(OwnershipAnswer answer)
    {
        OwnershipAnswers.Add(1, new KeyValuePair<string, object?>("outcome", Tag(answer.Kind)));
        return answer;
    }

    private static string Tag<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
