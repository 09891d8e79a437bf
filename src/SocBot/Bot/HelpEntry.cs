namespace SocBot.Bot;

/// <summary>One line of the help text: how to say it, and what it does for the SOC.</summary>
public sealed record HelpEntry(string Usage, string Description);
