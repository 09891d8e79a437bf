using Microsoft.Extensions.Options;
using Quartz;

namespace SocBot.Reminders;

/// <summary>Reports every bad reminder setting at start-up, by its key.</summary>
public sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var failures = new List<string>();
        var section = ReminderOptions.SectionName;
        if (!IsValidCron(options.PassCron))
        {
            failures.Add($"{section}:{nameof(options.PassCron)} '{options.PassCron}' is not a valid Quartz cron expression.");
        }

        RequirePositive(failures, $"{section}:{nameof(options.CatchUpHorizon)}", options.CatchUpHorizon);
        RequirePositive(failures, $"{section}:{nameof(options.StaleClaimAfter)}", options.StaleClaimAfter);
        RequirePositive(failures, $"{section}:{nameof(options.HeartbeatStaleAfter)}", options.HeartbeatStaleAfter);
        RequirePositive(failures, $"{section}:{nameof(options.OverdueLookback)}", options.OverdueLookback);
        if (options.LateAfter < TimeSpan.Zero)
        {
            failures.Add($"{section}:{nameof(options.LateAfter)} must not be negative.");
        }

        if (options.DigestThreshold < 1)
        {
            failures.Add($"{section}:{nameof(options.DigestThreshold)} must be at least 1; got {options.DigestThreshold}.");
        }

        if (options.TenantConcurrency < 1)
        {
            failures.Add($"{section}:{nameof(options.TenantConcurrency)} must be at least 1; got {options.TenantConcurrency}.");
        }

        foreach (var (period, span) in options.NudgeAfterDue.Concat(options.EscalateAfterNudge))
        {
            if (span < TimeSpan.Zero)
            {
                failures.Add($"{section}: the escalation delay for {period} must not be negative.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static bool IsValidCron(string? cron)
    {
        try
        {
            _ = new CronExpression(cron ?? string.Empty);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static void RequirePositive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key} must be a positive time span (e.g. 00:05:00); got {value}.");
        }
    }
}
