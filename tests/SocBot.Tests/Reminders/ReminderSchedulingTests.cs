using Microsoft.Extensions.Options;
using Quartz;
using SocBot.Reminders;
using SocBot.Tests.EndToEnd;

namespace SocBot.Tests.Reminders;

/// <summary>The web host schedules the reminder pass with Quartz as configured, and lets a running pass finish on shutdown.</summary>
public sealed class ReminderSchedulingTests
{
    [Fact]
    public async Task WebHost_SchedulesThePassOnTheConfiguredCron()
    {
        await using var bot = await SocBotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Reminders:SchedulerEnabled"] = "true",
            ["Reminders:PassCron"] = "0 0/5 * * * ?",
        });

        var scheduler = await bot.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey("reminder-pass")));

        Assert.NotNull(trigger.NextFireTimeUtc);
        Assert.Equal("0 0/5 * * * ?", trigger.CronExpressionString);
        Assert.Equal(typeof(ReminderJob), (await scheduler.GetJobDetail(trigger.JobKey))!.JobType.Type);
        Assert.True(bot.Services.GetRequiredService<IOptions<QuartzHostedServiceOptions>>().Value.WaitForJobsToComplete);
    }

    [Fact]
    public async Task WebHost_SchedulerDisabled_HasNoQuartz()
    {
        await using var bot = await SocBotTestHost.StartAsync(new Dictionary<string, string?>());

        Assert.Null(bot.Services.GetService<ISchedulerFactory>());
    }

    [Fact]
    public async Task InvalidCron_StopsStartUp_NamingTheKey()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => SocBotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Reminders:SchedulerEnabled"] = "true",
            ["Reminders:PassCron"] = "every minute please",
        }));

        Assert.Contains("Reminders:PassCron", failure.Message);
    }
}
