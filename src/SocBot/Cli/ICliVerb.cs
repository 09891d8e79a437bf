namespace SocBot.Cli;

/// <summary>One command-line verb of the SocBot executable (`socbot catalog validate`, `socbot schedule`, …).</summary>
public interface ICliVerb
{
    /// <summary>The first word on the command line that selects this verb.</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Summary { get; }

    /// <summary>Runs the verb with the words after its name; returns an exit code from <see cref="ExitCodes"/>.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken);
}
