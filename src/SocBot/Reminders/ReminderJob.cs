using Quartz;

namespace SocBot.Reminders;

/// <summary>The scheduler's thin entry point: one reminder pass as of now. One at a time per instance; other instances are kept apart by the claims.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(ReminderPass pass, TimeProvider time) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await pass.RunAsync(time.GetUtcNow(), dryRun: false, cancellationToken);
}
