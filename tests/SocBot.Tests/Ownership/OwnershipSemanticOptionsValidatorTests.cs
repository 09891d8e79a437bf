using SocBot.Ownership;

namespace SocBot.Tests.Ownership;

public sealed class OwnershipSemanticOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new OwnershipSemanticOptionsValidator().Validate(null, new OwnershipSemanticOptions()).Succeeded);

    [Fact]
    public void Validate_OutOfRangeValues_NameEachKey()
    {
        var options = new OwnershipSemanticOptions
        {
            OwnerSimilarity = 1.5, OwnerMargin = -0.1, ElsewhereMargin = 2.5, SettledCoverage = 0.5, BatchSize = 0, IntraOpThreads = 0,
            AgreeingViews = 0,
        };

        var result = new OwnershipSemanticOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Ownership:Semantic:OwnerSimilarity ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ownership:Semantic:OwnerMargin ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ownership:Semantic:ElsewhereMargin ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ownership:Semantic:SettledCoverage ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ownership:Semantic:BatchSize ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ownership:Semantic:IntraOpThreads ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ownership:Semantic:AgreeingViews ", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SuggestionAboveOwnerSimilarity_Fails()
    {
        var result = new OwnershipSemanticOptionsValidator().Validate(null, new OwnershipSemanticOptions { OwnerSimilarity = 0.4, SuggestionSimilarity = 0.5 });

        Assert.Contains(result.Failures!, f => f.StartsWith("Ownership:Semantic:SuggestionSimilarity ", StringComparison.Ordinal));
    }
}
