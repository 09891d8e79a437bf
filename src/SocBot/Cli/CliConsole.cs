namespace SocBot.Cli;

/// <summary>Where a verb writes: results to Out, errors to Error. Tests pass string writers.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    public static CliConsole System { get; } = new(Console.Out, Console.Error);
}
