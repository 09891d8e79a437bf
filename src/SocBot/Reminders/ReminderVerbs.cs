namespace SocBot.Reminders;

/// <summary>The Action.Execute verbs of reminder cards, in one place so cards and handlers cannot drift apart.</summary>
public static class ReminderVerbs
{
    public const string Complete = "socbot.complete";
    public const string Skip = "socbot.skip";
    public const string SnoozeHour = "socbot.snooze.hour";
    public const string SnoozeTomorrow = "socbot.snooze.tomorrow";
    public const string Refresh = "socbot.refresh";

    /// <summary>The submit value's key that carries the verb when a client sends Action.Submit instead of Action.Execute.</summary>
    public const string SubmitVerbKey = "verb";

    public const string NoteInput = "note";
    public const string EvidenceInput = "evidence";
    public const string ReasonInput = "reason";
}
