using SocBot.Catalog;
using SocBot.Scheduling;
using static SocBot.Tests.Scheduling.ScheduleCatalogs;

namespace SocBot.Tests.Scheduling;

public sealed class OccurrenceScheduleTests
{
    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();

    [Theory]
    [InlineData("Europe/London", "2026-03-27", "2026-03-27T09:00Z", "2026-03-30T08:00Z")]
    [InlineData("Europe/London", "2026-10-23", "2026-10-23T08:00Z", "2026-10-26T09:00Z")]
    [InlineData("America/New_York", "2026-03-06", "2026-03-06T14:00Z", "2026-03-09T13:00Z")]
    [InlineData("America/New_York", "2026-10-30", "2026-10-30T13:00Z", "2026-11-02T14:00Z")]
    [InlineData("Asia/Kolkata", "2026-03-27", "2026-03-27T03:30Z", "2026-03-30T03:30Z")]
    [InlineData("Asia/Kolkata", "2026-10-23", "2026-10-23T03:30Z", "2026-10-26T03:30Z")]
    [InlineData("Asia/Kolkata", "2026-03-06", "2026-03-06T03:30Z", "2026-03-09T03:30Z")]
    public void List_DailyTaskAcrossAWeekendWithADstChange_RemindsAtNineLocalOnBothSides(string zone, string friday, string fridayUtc, string mondayUtc)
    {
        var schedule = Create(zone, [Task("tickets", Cadence.Daily)]);
        var from = Utc(friday + "T00:00Z");

        var occurrences = schedule.Schedule.List(from, from.AddDays(4));

        Assert.Equal([Utc(fridayUtc), Utc(mondayUtc)], occurrences.Select(o => o.RemindAt));
        Assert.All(occurrences, o => Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(o.RemindAt.DateTime)));
        Assert.All(occurrences, o => Assert.Equal(new TimeOnly(17, 0), TimeOnly.FromDateTime(o.DueAt.DateTime)));
        Assert.All(occurrences, o => Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(o.RemindAt), o.RemindAt.Offset));
    }

    [Theory]
    [InlineData("Europe/London", "2026-03-29", "2026-03-29T01:30Z", "02:30")]
    [InlineData("America/New_York", "2026-03-08", "2026-03-08T07:30Z", "03:30")]
    public void List_ReminderTimeInTheSpringGap_MovesOnByTheGap(string zone, string day, string expectedUtc, string expectedLocal)
    {
        var reminder = zone == "Europe/London" ? new TimeOnly(1, 30) : new TimeOnly(2, 30);
        var schedule = Create(zone, [Task("tickets", Cadence.Daily)], reminder, workingDays: EveryDay);

        var occurrence = schedule.List(day + "T00:00Z", day + "T23:59Z").Single(o => o.Key.Period == day);

        Assert.Equal(Utc(expectedUtc), occurrence.RemindAt);
        Assert.Equal(expectedLocal, occurrence.RemindAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Europe/London", "2026-10-25", "2026-10-25T00:30Z")]
    [InlineData("America/New_York", "2026-11-01", "2026-11-01T05:30Z")]
    public void List_ReminderTimeThatHappensTwiceInAutumn_RemindsTheFirstTime(string zone, string day, string expectedUtc)
    {
        var schedule = Create(zone, [Task("tickets", Cadence.Daily)], new TimeOnly(1, 30), workingDays: EveryDay);

        var occurrence = schedule.List(day + "T00:00Z", day + "T12:00Z").Single(o => o.Key.Period == day);

        Assert.Equal(Utc(expectedUtc), occurrence.RemindAt);
    }

    [Fact]
    public void List_WeeklyTask_RemindsMondayAndIsDueFriday()
    {
        var schedule = Create("Europe/London", [Task("report", Cadence.Weekly)]);

        var occurrence = schedule.List("2026-01-05T00:00Z", "2026-01-12T00:00Z").Single();

        Assert.Equal("report/monitoring/2026-W02", occurrence.Key.ToString());
        Assert.Equal(Utc("2026-01-05T09:00Z"), occurrence.RemindAt);
        Assert.Equal(Utc("2026-01-09T17:00Z"), occurrence.DueAt);
        Assert.Equal("Week 2 2026", occurrence.PeriodLabel);
    }

    [Fact]
    public void List_WeekStartingWithAHoliday_RemindsOnTheFirstWorkingDay()
    {
        var schedule = Create("Europe/London", [Task("report", Cadence.Weekly)], holidays: [new DateOnly(2026, 4, 6)]);

        var occurrence = schedule.List("2026-04-06T00:00Z", "2026-04-13T00:00Z").Single();

        Assert.Equal(Utc("2026-04-07T08:00Z"), occurrence.RemindAt);
    }

    [Fact]
    public void List_DailyTaskOnWeekendsAndHolidays_HasNoOccurrence()
    {
        var schedule = Create("Europe/London", [Task("tickets", Cadence.Daily)], holidays: [new DateOnly(2026, 12, 25)]);

        var days = schedule.List("2026-12-24T00:00Z", "2026-12-29T00:00Z").Select(o => o.Key.Period);

        Assert.Equal(["2026-12-24", "2026-12-28"], days);
    }

    [Fact]
    public void List_MonthlyTaskWhoseFirstIsASunday_RemindsMondayAndIsDueOnTheLastWorkingDay()
    {
        var schedule = Create("Europe/London", [Task("campaigns", Cadence.Monthly)]);

        var occurrence = schedule.List("2026-03-01T00:00Z", "2026-04-01T00:00Z").Single();

        Assert.Equal("campaigns/monitoring/2026-03", occurrence.Key.ToString());
        Assert.Equal(Utc("2026-03-02T09:00Z"), occurrence.RemindAt);
        Assert.Equal(Utc("2026-03-31T16:00Z"), occurrence.DueAt);
        Assert.Equal("March 2026", occurrence.PeriodLabel);
    }

    [Theory]
    [InlineData("2026-02", "2026-02-27T17:00Z")]
    [InlineData("2026-05", "2026-05-29T16:00Z")]
    [InlineData("2026-01", "2026-01-30T17:00Z")]
    [InlineData("2028-02", "2028-02-29T17:00Z")]
    public void Find_MonthEndingOnAWeekendOrLeapDay_IsDueOnTheLastWorkingDay(string month, string dueUtc)
    {
        var schedule = Create("Europe/London", [Task("campaigns", Cadence.Monthly)]);

        var occurrence = schedule.Schedule.Find(OccurrenceKey.Parse($"campaigns/monitoring/{month}"))!;

        Assert.Equal(Utc(dueUtc), occurrence.DueAt);
    }

    [Fact]
    public void List_LeapDay_HasItsOwnDailyOccurrence()
    {
        var schedule = Create("Europe/London", [Task("tickets", Cadence.Daily)]);

        var occurrence = schedule.List("2028-02-29T00:00Z", "2028-03-01T00:00Z").Single();

        Assert.Equal("tickets/monitoring/2028-02-29", occurrence.Key.ToString());
        Assert.Equal("Tue 29 Feb 2028", occurrence.PeriodLabel);
    }

    [Fact]
    public void List_IsoWeek53_SpansTheYearEndWithOneKey()
    {
        var schedule = Create("Europe/London", [Task("report", Cadence.Weekly)]);

        var occurrences = schedule.List("2026-12-21T00:00Z", "2027-01-11T00:00Z");

        Assert.Equal(["2026-W52", "2026-W53", "2027-W01"], occurrences.Select(o => o.Key.Period));
        var week53 = occurrences[1];
        Assert.Equal(Utc("2026-12-28T09:00Z"), week53.RemindAt);
        Assert.Equal(Utc("2027-01-01T17:00Z"), week53.DueAt);
        Assert.Equal("Week 53 2026", week53.PeriodLabel);
    }

    [Fact]
    public void List_WeekWithOnlyHolidays_HasNoOccurrence()
    {
        DateOnly[] christmas = [new(2026, 12, 28), new(2026, 12, 29), new(2026, 12, 30), new(2026, 12, 31), new(2027, 1, 1)];
        var schedule = Create("Europe/London", [Task("report", Cadence.Weekly)], holidays: christmas);

        var occurrences = schedule.List("2026-12-21T00:00Z", "2027-01-11T00:00Z");

        Assert.Equal(["2026-W52", "2027-W01"], occurrences.Select(o => o.Key.Period));
    }

    [Fact]
    public void List_QuarterlyTask_RemindsOnTheQuartersFirstWorkingDay()
    {
        var schedule = Create("Europe/London", [Task("review", Cadence.Quarterly)]);

        var occurrences = schedule.List("2026-01-01T00:00Z", "2027-01-01T00:00Z");

        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"], occurrences.Select(o => o.Key.Period));
        Assert.Equal(Utc("2026-04-01T08:00Z"), occurrences[1].RemindAt);
        Assert.Equal(Utc("2026-06-30T16:00Z"), occurrences[1].DueAt);
        Assert.Equal("Q2 2026", occurrences[1].PeriodLabel);
    }

    [Fact]
    public void List_CronOverride_RemindsAtTheCronsFirstFiringInEachPeriodInLocalTime()
    {
        var task = Task("report", Cadence.Weekly, schedule: new ScheduleOverride("0 30 7 ? * TUE", TimeSpan.FromHours(8)));
        var schedule = Create("Europe/London", [task]);

        var occurrences = schedule.List("2026-03-23T00:00Z", "2026-04-06T00:00Z");

        Assert.Equal(["2026-W13", "2026-W14"], occurrences.Select(o => o.Key.Period));
        Assert.Equal([Utc("2026-03-24T07:30Z"), Utc("2026-03-31T06:30Z")], occurrences.Select(o => o.RemindAt));
        Assert.Equal([Utc("2026-03-24T15:30Z"), Utc("2026-03-31T14:30Z")], occurrences.Select(o => o.DueAt));
    }

    [Fact]
    public void List_CronFiringOnAHoliday_TakesTheNextFiringInThePeriod()
    {
        var task = Task("report", Cadence.Weekly, schedule: new ScheduleOverride("0 0 8 ? * MON-FRI", TimeSpan.FromHours(4)));
        var schedule = Create("Europe/London", [task], holidays: [new DateOnly(2026, 1, 5)]);

        var occurrence = schedule.List("2026-01-05T00:00Z", "2026-01-12T00:00Z").Single();

        Assert.Equal(Utc("2026-01-06T08:00Z"), occurrence.RemindAt);
    }

    [Fact]
    public void List_TeamInAnotherTimeZone_UsesItsOwnZone()
    {
        var overrides = new Dictionary<string, TeamSettingsOverride> { ["csirt"] = new("America/New_York", null, null, null, null) };
        var schedule = Create("Europe/London", [Task("tickets", Cadence.Daily, owner: null)], overrides: overrides);

        var occurrences = schedule.List("2026-01-05T00:00Z", "2026-01-06T00:00Z");

        Assert.Equal(Utc("2026-01-05T14:00Z"), occurrences.Single(o => o.TeamId == "csirt").RemindAt);
        Assert.Equal(Utc("2026-01-05T09:00Z"), occurrences.Single(o => o.TeamId == "monitoring").RemindAt);
        Assert.Equal(TimeSpan.FromHours(-5), occurrences.Single(o => o.TeamId == "csirt").RemindAt.Offset);
    }

    [Fact]
    public void List_AllSocTeamsTask_HasOneOccurrencePerTeam()
    {
        var schedule = Create("Europe/London", [Task("tickets", Cadence.Daily, owner: null)]);

        var occurrences = schedule.List("2026-01-05T00:00Z", "2026-01-06T00:00Z");

        Assert.Equal(["csirt", "monitoring", "soc-oversight"], occurrences.Select(o => o.TeamId));
        Assert.Equal(["tickets/csirt/2026-01-05", "tickets/monitoring/2026-01-05", "tickets/soc-oversight/2026-01-05"], occurrences.Select(o => o.Key.ToString()));
    }

    [Fact]
    public void List_OneTeam_ListsItsOwnAndAllTeamsTasksOnly()
    {
        var schedule = Create("Europe/London", [Task("tickets", Cadence.Daily, owner: null), Task("report", Cadence.Daily, owner: "monitoring")]);

        var occurrences = schedule.List("2026-01-05T00:00Z", "2026-01-06T00:00Z", "csirt");

        Assert.Equal(["tickets/csirt/2026-01-05"], occurrences.Select(o => o.Key.ToString()));
        Assert.Throws<ArgumentException>(() => schedule.List("2026-01-05T00:00Z", "2026-01-06T00:00Z", "red-team"));
    }

    [Fact]
    public void List_DueRuleInWorkingDays_CountsWorkingDaysFromTheReminder()
    {
        var schedule = Create("Europe/London", [Task("tickets", Cadence.Daily), Task("report", Cadence.Weekly)], due: new DueRules(new TimeOnly(12, 0), 2));

        var occurrences = schedule.List("2026-01-09T00:00Z", "2026-01-13T00:00Z");

        Assert.Equal(Utc("2026-01-13T12:00Z"), occurrences.Single(o => o.Key.Period == "2026-01-09").DueAt);
        Assert.Equal(Utc("2026-01-14T12:00Z"), occurrences.Single(o => o.Key.Period == "2026-W03").DueAt);
    }

    [Fact]
    public void List_AsNeededTask_IsNeverScheduled()
    {
        var schedule = Create("Europe/London", [Task("tabletop", Cadence.AsNeeded)]);

        Assert.Empty(schedule.List("2026-01-01T00:00Z", "2027-01-01T00:00Z"));
    }

    [Fact]
    public void Find_KeyOfAListedOccurrence_ReturnsTheSameOccurrence()
    {
        var schedule = Create("America/New_York", [Task("tickets", Cadence.Daily, owner: null), Task("report", Cadence.Weekly), Task("review", Cadence.Quarterly)]);

        var listed = schedule.List("2026-03-30T00:00Z", "2026-04-03T00:00Z");

        Assert.NotEmpty(listed);
        Assert.All(listed, o => Assert.Equal(o, schedule.Schedule.Find(o.Key)));
    }

    [Fact]
    public void Find_KeyThatDoesNotFitTheTask_ReturnsNull()
    {
        var schedule = Create("Europe/London", [Task("report", Cadence.Weekly)]);

        Assert.Null(schedule.Schedule.Find(OccurrenceKey.Parse("report/monitoring/2026-01-05")));
        Assert.Null(schedule.Schedule.Find(OccurrenceKey.Parse("report/csirt/2026-W02")));
        Assert.Null(schedule.Schedule.Find(OccurrenceKey.Parse("unknown/monitoring/2026-W02")));
        Assert.Null(schedule.Schedule.Find(OccurrenceKey.Parse("report/monitoring/adhoc-1")));
    }

    [Fact]
    public void StartOnDemand_AfterTheDueTimeOnAFriday_IsDueOnMonday()
    {
        var schedule = Create("Europe/London", [Task("tabletop", Cadence.AsNeeded, owner: null)]);

        var occurrence = schedule.Schedule.StartOnDemand("tabletop", "csirt", "20260109-1", Utc("2026-01-09T18:00Z"));

        Assert.Equal("tabletop/csirt/adhoc-20260109-1", occurrence.Key.ToString());
        Assert.Equal(Utc("2026-01-09T18:00Z"), occurrence.RemindAt);
        Assert.Equal(Utc("2026-01-12T17:00Z"), occurrence.DueAt);
        Assert.Equal("As needed", occurrence.PeriodLabel);
    }

    [Fact]
    public void StartOnDemand_BeforeTheDueTimeOnAWorkingDay_IsDueTheSameDay()
    {
        var schedule = Create("Europe/London", [Task("deploy", new Cadence(CadencePeriod.Weekly, true))]);

        var occurrence = schedule.Schedule.StartOnDemand("deploy", "monitoring", "x1", Utc("2026-01-07T10:00Z"));

        Assert.Equal(Utc("2026-01-07T17:00Z"), occurrence.DueAt);
    }

    [Fact]
    public void StartOnDemand_TaskOrTeamThatCannot_Throws()
    {
        var schedule = Create("Europe/London", [Task("report", Cadence.Weekly), Task("deploy", new Cadence(CadencePeriod.Weekly, true))]);

        Assert.Throws<ArgumentException>(() => schedule.Schedule.StartOnDemand("report", "monitoring", "x1", Utc("2026-01-07T10:00Z")));
        Assert.Throws<ArgumentException>(() => schedule.Schedule.StartOnDemand("deploy", "csirt", "x1", Utc("2026-01-07T10:00Z")));
        Assert.Throws<ArgumentException>(() => schedule.Schedule.StartOnDemand("nothing", "csirt", "x1", Utc("2026-01-07T10:00Z")));
    }

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
