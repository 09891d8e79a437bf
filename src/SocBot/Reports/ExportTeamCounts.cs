namespace SocBot.Reports;

/// <summary>How many entries of each action one team has in an export.</summary>
public sealed record ExportTeamCounts(string Team, IReadOnlyList<ExportActionCount> Actions);
