using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using SocBot.Cards;

namespace SocBot.Benchmarks.Cards;

/// <summary>
/// What a card costs to build and serialize: a reminder card, and a digest listing many due tasks with a button each.
/// An invoke must answer within 5 s and a reminder pass posts one card per occurrence, so these should stay in microseconds.
/// </summary>
[MemoryDiagnoser]
public class CardSerializationBenchmarks
{
    private AdaptiveCard _reminder = null!;
    private AdaptiveCard _digest = null!;

    [Params(40)]
    public int DigestTasks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _reminder = Reminder("weekly-secure-score|2026-01-05");
        _digest = Digest(DigestTasks);
    }

    [Benchmark]
    public AdaptiveCard BuildReminder() => Reminder("weekly-secure-score|2026-01-05");

    [Benchmark]
    public string ReminderToJson() => _reminder.ToJson();

    [Benchmark]
    public string DigestToJson() => _digest.ToJson();

    [Benchmark]
    public CardSize DigestMeasureSize() => _digest.MeasureSize();

    private static AdaptiveExecuteAction Execute(string title, string verb, string occurrence) => new()
    {
        Title = title,
        Verb = verb,
        Data = new JsonObject { ["occurrence"] = occurrence },
        Fallback = AdaptiveFallback.ActionSubmit,
    };

    private static AdaptiveCard Reminder(string occurrence) => new()
    {
        Body =
        [
            new AdaptiveTextBlock { Text = "Review Secure Score", Size = AdaptiveTextSize.Large, Weight = AdaptiveTextWeight.Bolder, Wrap = true },
            new AdaptiveTextBlock { Text = "Review the Microsoft Secure Score and plan improvement actions.", Wrap = true },
            new AdaptiveFactSet
            {
                Facts =
                [
                    new AdaptiveFact("Team", "Security Operations Oversight"),
                    new AdaptiveFact("Cadence", "Weekly"),
                    new AdaptiveFact("Due", "Mon 5 Jan 09:00 (in 3 h)"),
                ],
            },
            new AdaptiveTextInput { Id = "note", Label = "Note", IsMultiline = true },
            new AdaptiveActionSet
            {
                Actions = [Execute("Mark complete", "complete", occurrence), Execute("Snooze 1 h", "snooze", occurrence)],
            },
        ],
        Refresh = new AdaptiveRefresh { Action = new AdaptiveExecuteAction { Verb = "refresh", Data = new JsonObject { ["occurrence"] = occurrence } } },
        MsTeams = new TeamsCardProperties { Width = TeamsCardProperties.FullWidth },
    };

    private static AdaptiveCard Digest(int tasks) => new()
    {
        Body =
        [
            new AdaptiveTextBlock { Text = $"{tasks} tasks are due", Weight = AdaptiveTextWeight.Bolder },
            .. Enumerable.Range(0, tasks).Select(i => new AdaptiveColumnSet
            {
                Columns =
                [
                    new AdaptiveColumn { Width = AdaptiveColumn.WidthStretch, Items = [new AdaptiveTextBlock { Text = $"Task {i}: review detection rule set {i}", Wrap = true }] },
                    new AdaptiveColumn
                    {
                        Width = AdaptiveColumn.WidthAuto,
                        Items = [new AdaptiveActionSet { Actions = [Execute("Done", "complete", $"task-{i}|2026-01-05")] }],
                    },
                ],
            }),
        ],
    };
}
