using SocBot.Catalog;

namespace SocBot.Reports;

/// <summary>The task a command names, and the words after it (a note or a reason).</summary>
public sealed record TaskMatch(MaintenanceTask Task, string Rest);
