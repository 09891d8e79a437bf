namespace SocBot.Reminders;

public enum ReminderOutcome
{
    Posted,
    WouldPost,
    /// <summary>Another pass or instance holds the claim, or it was posted already.</summary>
    AlreadyClaimed,
    /// <summary>No channel (and no SOC Oversight channel) the bot can reach in this tenant; retried next pass.</summary>
    NoChannel,
    /// <summary>Posting failed; the claim stays, and a later pass takes it over once it is stale.</summary>
    Failed,
    /// <summary>The post timed out or got 502/504: Teams may show it. Recorded so a take-over does not duplicate it blindly.</summary>
    PossiblyPosted,
    /// <summary>Pacing would have held the pass too long; the next pass posts it.</summary>
    Deferred,
    /// <summary>A take-over that could not tell whether the first post landed posted once more, the card marked so.</summary>
    PostedAgain,
    /// <summary>A take-over found the first post in the channel (through Graph) and recorded it instead of posting again.</summary>
    FoundPosted,
}
