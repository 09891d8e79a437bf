namespace SocBot.Reports;

public sealed record ExportActionCount(string Action, int Count);
