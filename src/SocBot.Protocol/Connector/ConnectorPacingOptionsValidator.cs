using Microsoft.Extensions.Options;

namespace SocBot.Protocol.Connector;

/// <summary>Every window needs a positive length and limit; each failure names its key.</summary>
public sealed class ConnectorPacingOptionsValidator : IValidateOptions<ConnectorPacingOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorPacingOptions options)
    {
        var failures = new List<string>();
        CheckWindows(failures, nameof(options.PerThread), options.PerThread);
        CheckWindows(failures, nameof(options.PerTenant), options.PerTenant);
        if (options.MaxWait <= TimeSpan.Zero)
        {
            failures.Add($"{ConnectorPacingOptions.SectionName}:{nameof(options.MaxWait)} must be a positive time span; got {options.MaxWait}.");
        }

        if (options.ArrivalMargin < TimeSpan.Zero)
        {
            failures.Add($"{ConnectorPacingOptions.SectionName}:{nameof(options.ArrivalMargin)} must not be negative; got {options.ArrivalMargin}.");
        }

        if (options.MaxTrackedThreads < 1)
        {
            failures.Add($"{ConnectorPacingOptions.SectionName}:{nameof(options.MaxTrackedThreads)} must be at least 1; got {options.MaxTrackedThreads}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckWindows(List<string> failures, string list, List<RateWindow> windows)
    {
        for (var i = 0; i < windows.Count; i++)
        {
            var key = $"{ConnectorPacingOptions.SectionName}:{list}:{i}";
            if (windows[i].Length <= TimeSpan.Zero)
            {
                failures.Add($"{key}:{nameof(RateWindow.Length)} is missing or not a positive time span (e.g. 00:00:01).");
            }

            if (windows[i].Limit < 1)
            {
                failures.Add($"{key}:{nameof(RateWindow.Limit)} is missing or less than 1.");
            }
        }
    }
}
