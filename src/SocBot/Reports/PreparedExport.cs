using SocBot.State;

namespace SocBot.Reports;

/// <summary>An export saved for its requester, with what the channel's summary card counts.</summary>
public sealed record PreparedExport(StoredExport Export, ExportRange Range, int Rows, bool All, IReadOnlyList<ExportTeamCounts> ByTeam);
