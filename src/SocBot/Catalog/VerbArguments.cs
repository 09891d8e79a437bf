using SocBot.Cli;

namespace SocBot.Catalog;

/// <summary>A verb's words split into "--name value" (or "--name=value") options and positional words.</summary>
internal sealed class VerbArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _positionals = [];

    /// <summary>Splits <paramref name="args"/>; an option not in <paramref name="allowedOptions"/> or without a value is a usage error.</summary>
    public VerbArguments(IEnumerable<string> args, params string[] allowedOptions)
    {
        using var words = args.GetEnumerator();
        while (words.MoveNext())
        {
            var word = words.Current;
            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                _positionals.Add(word);
                continue;
            }

            var equals = word.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? word[2..equals] : word[2..];
            if (equals > 0 && name.Contains(':', StringComparison.Ordinal))
            {
                // "--SocBot:CatalogPath=…" is a configuration override; the host has already read it.
                continue;
            }

            if (!allowedOptions.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new CliUsageException(allowedOptions.Length == 0
                    ? $"Unknown option '--{name}'."
                    : $"Unknown option '--{name}' (expected {string.Join(", ", allowedOptions.Select(o => "--" + o))}).");
            }

            string value;
            if (equals > 0)
            {
                value = word[(equals + 1)..];
            }
            else if (words.MoveNext())
            {
                value = words.Current;
            }
            else
            {
                throw new CliUsageException($"Option '--{name}' needs a value.");
            }

            if (!_options.TryAdd(name, value))
            {
                throw new CliUsageException($"Option '--{name}' is given twice.");
            }
        }
    }

    public IReadOnlyList<string> Positionals => _positionals;

    public string? Optional(string name) => _options.GetValueOrDefault(name);

    public string Required(string name) => Optional(name) ?? throw new CliUsageException($"Option '--{name}' is required.");
}
