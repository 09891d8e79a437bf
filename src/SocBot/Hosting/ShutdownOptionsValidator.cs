using Microsoft.Extensions.Options;

namespace SocBot.Hosting;

/// <summary>Refuses a shutdown timeout that would cut every running pass short or keep a stopping instance around for ever.</summary>
public sealed class ShutdownOptionsValidator : IValidateOptions<ShutdownOptions>
{
    private const string Key = ShutdownOptions.SectionName + ":" + nameof(ShutdownOptions.ShutdownTimeout);

    public static readonly TimeSpan Maximum = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, ShutdownOptions options) =>
        options.ShutdownTimeout <= TimeSpan.Zero || options.ShutdownTimeout > Maximum
            ? ValidateOptionsResult.Fail($"{Key} '{options.ShutdownTimeout}' must be more than zero and at most {Maximum}.")
            : ValidateOptionsResult.Success;
}
