namespace SocBot.Tests.Reports;

/// <summary>The Teams channels of the scenarios, and the personal chat id of a speaker.</summary>
public static class SocChannels
{
    public const string TeamsTeamId = "19:team-soc@thread.tacv2";
    public const string TeamsTeamName = "Contoso SOC";
    public const string Oversight = "19:soc-oversight@thread.tacv2";
    public const string Monitoring = "19:soc-monitoring@thread.tacv2";
    public const string Csirt = "19:soc-csirt@thread.tacv2";

    public static string Name(string channelId) => channelId switch
    {
        Oversight => "Oversight",
        Monitoring => "Monitoring",
        Csirt => "CSIRT",
        _ => "General",
    };

    public static string Personal(Speaker speaker) => $"a:personal-{speaker.Id[3..]}";
}
