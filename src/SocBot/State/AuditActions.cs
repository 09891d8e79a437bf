namespace SocBot.State;

/// <summary>The audit log's action names; stored as text so the log stays readable without this code.</summary>
public static class AuditActions
{
    public const string Claimed = "claimed";
    public const string ClaimTakenOver = "claim-taken-over";
    public const string Posted = "posted";
    public const string PostNotDelivered = "post-not-delivered";
    public const string PostDeferred = "post-deferred";
    public const string PossiblyPosted = "possibly-posted";
    public const string PostingAgain = "posting-again";
    public const string FoundPosted = "found-posted";
    public const string Snoozed = "snoozed";
    public const string SnoozeEnded = "snooze-ended";
    public const string EscalationAdvanced = "escalation-advanced";
    public const string Escalated = "escalated";
    public const string Completed = "completed";
    public const string Skipped = "skipped";
    public const string ChannelBound = "channel-bound";
    public const string ChannelUnbound = "channel-unbound";

    /// <summary>The action recording what a claim's failed post came to.</summary>
    public static string Of(PostAttempt attempt) => attempt switch
    {
        PostAttempt.NotDelivered => PostNotDelivered,
        PostAttempt.Deferred => PostDeferred,
        PostAttempt.MayHaveBeenDelivered => PossiblyPosted,
        PostAttempt.FoundPosted => FoundPosted,
        _ => PostingAgain,
    };
}
