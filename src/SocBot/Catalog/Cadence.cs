using System.Diagnostics.CodeAnalysis;

namespace SocBot.Catalog;

/// <summary>
/// How often a task runs: a period ("Weekly"), on demand only ("As needed"), or both ("Weekly and as needed":
/// scheduled, and also startable on demand).
/// </summary>
public sealed record Cadence(CadencePeriod Period, bool OnDemand)
{
    public static Cadence Daily { get; } = new(CadencePeriod.Daily, false);

    public static Cadence Weekly { get; } = new(CadencePeriod.Weekly, false);

    public static Cadence Monthly { get; } = new(CadencePeriod.Monthly, false);

    public static Cadence Quarterly { get; } = new(CadencePeriod.Quarterly, false);

    public static Cadence AsNeeded { get; } = new(CadencePeriod.None, true);

    public const string AsNeededText = "As needed";

    /// <summary>The forms <see cref="TryParse"/> accepts, for error messages.</summary>
    public static string AcceptedForms => "Daily, Weekly, Monthly, Quarterly, As needed, or '<period> and as needed'";

    public bool IsScheduled => Period != CadencePeriod.None;

    /// <summary>Parses the catalog's words, ignoring case and extra spaces: "weekly", "Monthly and as needed", "As needed".</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Cadence? cadence)
    {
        cadence = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var words = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        if (words == "as needed")
        {
            cadence = AsNeeded;
            return true;
        }

        var onDemand = words.EndsWith(" and as needed", StringComparison.Ordinal);
        var periodWord = onDemand ? words[..^" and as needed".Length] : words;
        CadencePeriod? period = periodWord switch
        {
            "daily" => CadencePeriod.Daily,
            "weekly" => CadencePeriod.Weekly,
            "monthly" => CadencePeriod.Monthly,
            "quarterly" => CadencePeriod.Quarterly,
            _ => null,
        };
        if (period is null)
        {
            return false;
        }

        cadence = new Cadence(period.Value, onDemand);
        return true;
    }

    /// <summary>The canonical catalog form, which <see cref="TryParse"/> reads back.</summary>
    public override string ToString() => (Period, OnDemand) switch
    {
        (CadencePeriod.None, _) => AsNeededText,
        (_, true) => $"{Period} and as needed",
        _ => Period.ToString(),
    };
}
