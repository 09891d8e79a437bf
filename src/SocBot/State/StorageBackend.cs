namespace SocBot.State;

/// <summary>Which store the configuration chose and where it is, for the start-up log line and the health page.</summary>
public sealed record StorageBackend(string Kind, string Location);
