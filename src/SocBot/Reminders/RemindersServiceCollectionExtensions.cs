using Microsoft.Extensions.Options;
using Quartz;
using SocBot.Bot;
using SocBot.Cli;
using SocBot.Access;
using SocBot.Completions;
using SocBot.Hosting;

namespace SocBot.Reminders;

public static class RemindersServiceCollectionExtensions
{
    /// <summary>Reminder passes (every minute through Quartz unless Reminders:SchedulerEnabled is false), card actions and the remind verb.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.SectionName);
        services.AddSingleton<AccessPolicy>();
        services.AddSingleton<ChannelDirectory>();
        services.AddSingleton<ReminderViewFactory>();
        services.AddSingleton<PostedCardRenderer>();
        services.AddSingleton<LiveReminderData>();
        services.AddTransient<ReminderPoster>();
        services.AddTransient<OverdueEscalator>();
        services.AddTransient<ReminderPass>();
        services.AddTransient<CompletionService>();
        services.AddSingleton<CardUpdateQueue>();
        services.AddHostedService<CardUpdateWorker>();
        services.AddBotModule<CardActionModule>();
        services.AddCliVerb<RemindVerb>();
        services.AddHealthChecks().AddCheck<SchedulerHeartbeatHealthCheck>(SchedulerHeartbeatHealthCheck.Name, tags: [HealthTags.Live, HealthTags.Ready]);

        var cron = configuration.GetValue<string>("Reminders:PassCron") ?? new ReminderOptions().PassCron;
        if (configuration.GetValue("Reminders:SchedulerEnabled", true) && ReminderOptionsValidator.IsValidCron(cron))
        {
            services.AddQuartz(quartz => quartz.ScheduleJob<ReminderJob>(trigger => trigger
                .WithIdentity("reminder-pass")
                .WithCronSchedule(cron)));
            services.AddQuartzHostedService(hosting => hosting.WaitForJobsToComplete = true);
        }

        return services;
    }
}
