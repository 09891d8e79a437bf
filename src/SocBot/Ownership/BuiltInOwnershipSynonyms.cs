namespace SocBot.Ownership;

/// <summary>
/// SOC shorthand that ownership questions use, applied after the catalog's own synonym list (which wins on a clash).
/// These cover words people type in chat that the catalog's list is not obliged to carry: plural and spelling variants,
/// old product names, and words for the same duty.
/// </summary>
public static class BuiltInOwnershipSynonyms
{
    public static IReadOnlyList<OwnershipSynonym> All { get; } =
    [
        new("Microsoft Defender for Endpoint", ["MDE", "MDATP", "Defender ATP", "Defender for Endpoint", "EDR", "Defender for Endpoints"]),
        new("Microsoft Defender for Identity", ["MDI", "Azure ATP", "AATP", "Defender for Identity"]),
        new("Microsoft Defender for Office 365", ["MDO", "Office ATP", "Defender for Office", "Defender for Office 365"]),
        new("Microsoft Defender for Cloud Apps", ["MDCA", "MCAS", "Cloud App Security", "CASB", "Defender for Cloud Apps"]),
        new("Microsoft 365 Defender", ["M365D", "Defender XDR", "Microsoft Defender XDR", "M365 Defender"]),
        new("Microsoft 365", ["M365", "O365", "Office 365"]),
        new("threat intelligence", ["TI", "CTI", "threat intel", "intel", "cyber threat intelligence"]),
        new("incident response", ["IR", "incident handling"]),
        new("data loss prevention", ["DLP"]),
        new("SIEM", ["Sentinel", "Microsoft Sentinel", "Azure Sentinel", "security information and event management"]),
        new("SOAR", ["security orchestration automation and response", "security orchestration"]),
        new("threat and vulnerability management", ["TVM", "TvM", "threat & vulnerability management"]),
        new("vulnerability", ["vuln", "vulns"]),
        new("CMDB", ["configuration management database", "asset inventory"]),
        new("penetration testing", ["pen test", "pen tests", "pen testing", "pentest", "pentests", "pentesting", "pentester", "pen testers"]),
        new("virus", ["antivirus", "anti virus", "AV"]),
        new("license", ["licence", "licences", "licencing"]),
        new("Security & Compliance Center", ["SCC", "compliance center", "security and compliance center"]),
        new("digital forensics and incident response", ["DFIR"]),
        new("alert analysis", ["triage", "alert triage", "triaging"]),
    ];
}
