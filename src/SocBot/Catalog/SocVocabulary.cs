namespace SocBot.Catalog;

/// <summary>
/// What the importer knows beyond the two documents: the stable ids and everyday names of the SOC teams Microsoft's
/// roles matrix defines, the schedule settings a new catalog starts with, and the abbreviations a SOC uses.
/// The documents carry none of these, and the ids must not change when a document's wording does.
/// </summary>
internal static class SocVocabulary
{
    /// <summary>Keyed by the team's name as the roles matrix writes it (compared after '&amp;'/'and' folding).</summary>
    public static IReadOnlyDictionary<string, KnownTeam> Teams { get; } = new Dictionary<string, KnownTeam>(StringComparer.OrdinalIgnoreCase)
    {
        ["SOC Oversight"] = new("soc-oversight", ["Oversight", "SOC management"]),
        ["Threat Intelligence & Analytics"] = new("threat-intelligence", ["Threat Intelligence", "Threat Intel", "TI"]),
        ["Monitoring"] = new("monitoring", ["Monitoring Team", "SOC Monitoring"]),
        ["Engineering & SecOps"] = new("engineering-secops", ["SecOps", "Engineering", "Engineering and Operations"]),
        ["Computer Security Incident Response Team (CSIRT)"] = new("csirt", ["Incident Response", "IR"]),
    };

    public static OrgSettings DefaultSettings { get; } = new(
        "Etc/UTC",
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        [],
        new TimeOnly(9, 0),
        new DueRules(new TimeOnly(17, 0), null),
        new Dictionary<string, TeamSettingsOverride>());

    public static IReadOnlyList<SynonymEntry> Synonyms { get; } =
    [
        new("Microsoft 365 Defender", ["M365D", "Microsoft Defender XDR", "Defender XDR", "Defender portal"]),
        new("Microsoft Defender for Endpoint", ["MDE", "Defender for Endpoint", "MDATP", "Microsoft Defender ATP"]),
        new("Microsoft Defender for Identity", ["MDI", "Defender for Identity", "Azure ATP", "AATP"]),
        new("Microsoft Defender for Office 365", ["MDO", "Defender for Office 365", "Office 365 ATP"]),
        new("Microsoft Defender for Cloud Apps", ["MDCA", "MCAS", "Defender for Cloud Apps", "Cloud App Security"]),
        new("Threat & Vulnerability Management", ["TVM", "Defender Vulnerability Management", "MDVM", "vulnerability management"]),
        new("Microsoft Sentinel", ["Sentinel", "Azure Sentinel"]),
        new("Secure Score", ["Microsoft Secure Score"]),
        new("Threat intelligence", ["TI", "Threat intel", "CTI"]),
        new("Incident response", ["IR", "DFIR", "incident handling"]),
        new("Data loss prevention", ["DLP"]),
        new("Security information and event management", ["SIEM"]),
        new("Security orchestration, automation and response", ["SOAR"]),
        new("Extended detection and response", ["XDR"]),
        new("Configuration management database", ["CMDB", "asset tracking"]),
        new("Penetration testing", ["pen test", "pentest", "pen testing"]),
        new("Security & Compliance Center", ["SCC", "Compliance Center"]),
        new("Tabletop exercise", ["tabletop", "TTX"]),
    ];
}
