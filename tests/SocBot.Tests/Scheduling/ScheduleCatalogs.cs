using SocBot.Catalog;

namespace SocBot.Tests.Scheduling;

/// <summary>Small catalogs built in code for schedule tests: three teams, the tasks a test gives.</summary>
internal static class ScheduleCatalogs
{
    public static readonly DayOfWeek[] MondayToFriday = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static OccurrenceScheduleFor Create(
        string timeZone,
        IReadOnlyList<MaintenanceTask> tasks,
        TimeOnly? reminderTime = null,
        DueRules? due = null,
        IReadOnlyList<DateOnly>? holidays = null,
        IReadOnlyList<DayOfWeek>? workingDays = null,
        IReadOnlyDictionary<string, TeamSettingsOverride>? overrides = null)
    {
        var settings = new OrgSettings(
            timeZone,
            workingDays ?? MondayToFriday,
            holidays ?? [],
            reminderTime ?? new TimeOnly(9, 0),
            due ?? new DueRules(new TimeOnly(17, 0), null),
            overrides ?? new Dictionary<string, TeamSettingsOverride>());
        var catalog = new SocCatalog([Team("soc-oversight"), Team("monitoring"), Team("csirt")], tasks, settings, [], []);
        return new OccurrenceScheduleFor(catalog);
    }

    public static MaintenanceTask Task(string id, Cadence cadence, string? owner = "monitoring", ScheduleOverride? schedule = null) =>
        new(id, id, "", cadence, owner, owner is null, null, "soc-oversight", schedule, null);

    private static SocTeam Team(string id) => new(id, id, [], "", [], [], [], null, null, null);
}
