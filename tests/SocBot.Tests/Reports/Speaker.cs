namespace SocBot.Tests.Reports;

/// <summary>A person talking to the bot: Teams user id, display name and Entra object id.</summary>
public sealed record Speaker(string Id, string Name, string AadObjectId)
{
    public static Speaker Admin { get; } = new("29:alex", "Alex Admin", "aad-admin");

    public static Speaker Ada { get; } = new("29:ada", "Ada Lovelace", "aad-ada");

    public static Speaker Grace { get; } = new("29:grace", "Grace Hopper", "aad-grace");
}
