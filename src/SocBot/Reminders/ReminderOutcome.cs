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
}
