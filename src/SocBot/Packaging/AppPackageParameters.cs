namespace SocBot.Packaging;

/// <summary>
/// What differs between installations of the app: the Teams app id, the bot's Entra app id, the host name the
/// bot is served from (also the developer pages' host) and the package version Teams compares on upload.
/// </summary>
public sealed record AppPackageParameters(Guid AppId, Guid BotId, string Domain, string Version);
