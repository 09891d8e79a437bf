using Microsoft.Extensions.Configuration;
using SocBot.Catalog;
using SocBot.Reminders;

namespace SocBot.Tests.Reminders;

/// <summary>
/// The per-cadence maps bind key by key: a configured cadence replaces that cadence's default and the others keep
/// theirs (a dictionary is merged, not appended to, so no cadence is left without a delay).
/// </summary>
public sealed class ReminderOptionsBindingTests
{
    [Fact]
    public void NudgeAndEscalation_OneCadenceConfigured_ReplacesExactlyThatCadence()
    {
        var options = Bind(new()
        {
            ["Reminders:NudgeAfterDue:Daily"] = "01:00:00",
            ["Reminders:EscalateAfterNudge:Quarterly"] = "2.00:00:00",
        });

        Assert.Equal(
            new Dictionary<CadencePeriod, TimeSpan>
            {
                [CadencePeriod.None] = TimeSpan.FromHours(4),
                [CadencePeriod.Daily] = TimeSpan.FromHours(1),
                [CadencePeriod.Weekly] = TimeSpan.FromHours(24),
                [CadencePeriod.Monthly] = TimeSpan.FromDays(2),
                [CadencePeriod.Quarterly] = TimeSpan.FromDays(3),
            },
            options.NudgeAfterDue);
        Assert.Equal(TimeSpan.FromDays(2), options.EscalateAfterNudge[CadencePeriod.Quarterly]);
        Assert.Equal(TimeSpan.FromHours(6), options.EscalateAfterNudge[CadencePeriod.Daily]);
    }

    [Fact]
    public void DigestByTeam_Configured_IsExactlyTheConfiguredTeams()
    {
        var options = Bind(new() { ["Reminders:DigestByTeam:monitoring"] = "false", ["Reminders:DigestByTeam:csirt"] = "true" });

        Assert.Equal(new Dictionary<string, bool> { ["monitoring"] = false, ["csirt"] = true }, options.DigestByTeam);
    }

    private static ReminderOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new ReminderOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(ReminderOptions.SectionName).Bind(options);
        return options;
    }
}
