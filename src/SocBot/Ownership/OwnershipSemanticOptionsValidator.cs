using Microsoft.Extensions.Options;

namespace SocBot.Ownership;

public sealed class OwnershipSemanticOptionsValidator : IValidateOptions<OwnershipSemanticOptions>
{
    public ValidateOptionsResult Validate(string? name, OwnershipSemanticOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Similarity(failures, nameof(options.OwnerSimilarity), options.OwnerSimilarity);
        Similarity(failures, nameof(options.SuggestionSimilarity), options.SuggestionSimilarity);
        Difference(failures, nameof(options.OwnerMargin), options.OwnerMargin);
        Difference(failures, nameof(options.ElsewhereMargin), options.ElsewhereMargin);

        if (!(options.SettledCoverage is >= OwnershipAnswerer.MinimumCoverage and <= 1))
        {
            failures.Add(FormattableString.Invariant($"{OwnershipSemanticOptions.SectionName}:{nameof(options.SettledCoverage)} must be a share of the question's information between {OwnershipAnswerer.MinimumCoverage} (what naming an owner needs) and 1 (was {options.SettledCoverage})."));
        }

        if (options.SuggestionSimilarity > options.OwnerSimilarity)
        {
            failures.Add($"{OwnershipSemanticOptions.SectionName}:{nameof(options.SuggestionSimilarity)} ({options.SuggestionSimilarity}) must not exceed {OwnershipSemanticOptions.SectionName}:{nameof(options.OwnerSimilarity)} ({options.OwnerSimilarity}): a duty close enough to name as owner is close enough to suggest.");
        }

        if (options.AgreeingViews is < 1 or > 16)
        {
            failures.Add($"{OwnershipSemanticOptions.SectionName}:{nameof(options.AgreeingViews)} must be between 1 (the closest view alone) and 16 views (was {options.AgreeingViews}).");
        }

        if (options.BatchSize is < 1 or > 256)
        {
            failures.Add($"{OwnershipSemanticOptions.SectionName}:{nameof(options.BatchSize)} must be between 1 and 256 sentences (was {options.BatchSize}).");
        }

        if (options.IntraOpThreads < 1 || options.IntraOpThreads > Environment.ProcessorCount)
        {
            failures.Add($"{OwnershipSemanticOptions.SectionName}:{nameof(options.IntraOpThreads)} must be between 1 and the {Environment.ProcessorCount} processors of this machine (was {options.IntraOpThreads}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Difference(List<string> failures, string key, double value)
    {
        if (!(value is >= 0 and <= 2))
        {
            failures.Add($"{OwnershipSemanticOptions.SectionName}:{key} must be a similarity difference between 0 and 2 (was {value}).");
        }
    }

    private static void Similarity(List<string> failures, string key, double value)
    {
        if (!(value is >= -1 and <= 1))
        {
            failures.Add($"{OwnershipSemanticOptions.SectionName}:{key} must be a cosine similarity between -1 and 1 (was {value}).");
        }
    }
}
