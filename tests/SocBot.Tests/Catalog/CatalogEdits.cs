using SocBot.Catalog;

namespace SocBot.Tests.Catalog;

/// <summary>Edits a SOC lead might make to the default catalog, good and bad.</summary>
internal static class CatalogEdits
{
    public const string CoffeeDuty = "Manages the coffee machine";

    public const string CsirtName = "Computer Security Incident Response Team (CSIRT)";

    public static string Default => CatalogLoader.ReadDefaultText();

    /// <summary>The default catalog with one more CSIRT responsibility.</summary>
    public static string WithCoffeeDutyForCsirt => Replace(
        Default,
        "      - May often be isolated from SOC\n",
        $"      - May often be isolated from SOC\n      - {CoffeeDuty}\n");

    /// <summary>The default catalog with Monitoring renamed.</summary>
    public static string WithMonitoringRenamed(string displayName) =>
        Replace(Default, "displayName: Monitoring\n", $"displayName: {displayName}\n");

    /// <summary>A coffee duty for CSIRT (so a half-applied edit would show) and a time zone that does not exist.</summary>
    public static string BrokenTimeZone => Replace(WithCoffeeDutyForCsirt, "timeZone: Etc/UTC\n", "timeZone: Atlantis/Lost_City\n");

    private static string Replace(string text, string oldValue, string newValue)
    {
        Assert.Contains(oldValue, text, StringComparison.Ordinal);
        return text.Replace(oldValue, newValue, StringComparison.Ordinal);
    }
}
