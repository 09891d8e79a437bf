namespace SocBot.State;

/// <summary>Who did something: the Entra object id (stable) and the display name at the time (for people reading history).</summary>
public sealed record Actor(string AadObjectId, string Name)
{
    /// <summary>Changes the bot makes on its own, such as claiming an occurrence before posting it.</summary>
    public static Actor Bot { get; } = new("socbot", "SocBot");
}
