using SocBot.Ownership;

namespace SocBot.Tests.Ownership;

/// <summary>How the words and the meaning of a question decide together, with the shipped model unless stated.</summary>
public sealed class HybridOwnershipRuleTests
{
    [Fact]
    public void Answer_NoSharedWordsButClearMeaning_NamesTheOwnerByMeaning()
    {
        var answer = OwnershipSemanticTestModel.Default.Answer("who pulls a memory image off a hacked laptop?");

        Assert.Equal(OwnershipAnswerKind.Owner, answer.Kind);
        Assert.Equal("csirt", answer.Owners[0].Team?.Id);
        Assert.Equal(OwnershipRules.Meaning, answer.Explanation.Rule);
        var csirt = Assert.Single(answer.Explanation.TeamScores!, t => t.Team == answer.Owners[0].TeamName);
        Assert.True(csirt.Semantic >= new OwnershipSemanticOptions().OwnerSimilarity, $"similarity {csirt.Semantic}");
    }

    [Fact]
    public void Answer_OutOfScopeQuestion_RefusesWithoutOwner()
    {
        var answer = OwnershipSemanticTestModel.Default.Answer("who approves my vacation days?");

        Assert.Equal(OwnershipAnswerKind.Unknown, answer.Kind);
        Assert.Empty(answer.Owners);
        Assert.Equal(OwnershipRules.Refused, answer.Explanation.Rule);
    }

    [Fact]
    public void Answer_MatrixWordsCoverTheQuestion_KeepsTheLexicalOwnerWithoutEmbeddingIt()
    {
        var answer = OwnershipSemanticTestModel.Default.Answer("who handles threat intel feeds?");

        Assert.Equal("threat-intelligence", answer.Owners[0].Team?.Id);
        Assert.Equal(OwnershipRules.LexicalSettled, answer.Explanation.Rule);
        Assert.NotNull(answer.Explanation.TeamScores![0].Lexical);
        Assert.All(answer.Explanation.TeamScores, t => Assert.Null(t.Semantic));
    }

    [Fact]
    public void Answer_WordsCoverTheQuestionFully_EmbedsOnlyTheQuestionsTheyDoNotSettle()
    {
        var embedder = new GivenVectorsEmbedder(new Dictionary<string, float[]>(), 3);
        var answerer = OwnershipSemanticTestModel.Answerer(BadgeAndForensicsCorpus, embedder: embedder);
        var afterBuild = embedder.Calls;

        var settled = answerer.Answer("who owns the badge printer?");
        var unsettled = answerer.Answer("who owns the badge printer memory?");

        Assert.Equal(OwnershipRules.LexicalSettled, settled.Explanation.Rule);
        Assert.NotEqual(OwnershipRules.LexicalSettled, unsettled.Explanation.Rule);
        Assert.Equal(afterBuild + 1, embedder.Calls);
    }

    [Fact]
    public void Answer_SettledCoverageAboveTheWords_ChecksTheLexicalOwnerByMeaning()
    {
        var options = new OwnershipSemanticOptions { SettledCoverage = 1 };
        var answer = OwnershipSemanticTestModel.Answerer(OwnershipTestCatalog.Corpus, options)
            .Answer("who handles threat intel feeds for phishing?");

        Assert.Equal("threat-intelligence", answer.Owners[0].Team?.Id);
        Assert.Contains(answer.Explanation.Rule, new[] { OwnershipRules.LexicalAgreed, OwnershipRules.LexicalMeaningUnsure });
        Assert.Contains(answer.Explanation.TeamScores!, t => t.Semantic is not null);
    }

    [Fact]
    public void Answer_MeaningAboveSuggestionButBelowOwnerSimilarity_SuggestsTheClosestDuties()
    {
        var options = new OwnershipSemanticOptions { OwnerSimilarity = 0.99, SuggestionSimilarity = 0.3 };
        var answerer = OwnershipSemanticTestModel.Answerer(OwnershipTestCatalog.Corpus, options);

        var answer = answerer.Answer("who pulls a memory image off a hacked laptop?");

        Assert.Equal(OwnershipAnswerKind.Unknown, answer.Kind);
        Assert.Equal("csirt", answer.Suggestions[0].Team?.Id);
        Assert.Contains("below 0.99", answer.Explanation.Decision, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_SemanticIndexNotBuiltYet_AnswersLexicallyAndAsksForABuild()
    {
        var semantics = OwnershipSemanticTestModel.Semantics();
        var corpus = OwnershipTestCatalog.Corpus;
        var answerer = new OwnershipAnswerer(new FixedCorpusSource(corpus), Microsoft.Extensions.Logging.Abstractions.NullLogger<OwnershipAnswerer>.Instance, semantics);

        var answer = answerer.Answer("who pulls a memory image off a hacked laptop?");

        Assert.Equal(OwnershipAnswerKind.Unknown, answer.Kind);
        Assert.Equal(OwnershipRules.Lexical, answer.Explanation.Rule);
        Assert.All(answer.Explanation.TeamScores!, t => Assert.Null(t.Semantic));
        Assert.True(semantics.Requests.TryRead(out var requested));
        Assert.Same(corpus, requested);
    }

    [Fact]
    public void Answer_SemanticDisabled_NeverLoadsTheModel()
    {
        var embedder = new GivenVectorsEmbedder(new Dictionary<string, float[]>(), 2);
        var semantics = OwnershipSemanticTestModel.Semantics(new OwnershipSemanticOptions { Enabled = false }, embedder);
        var corpus = OwnershipTestCatalog.Corpus;
        semantics.Build(corpus, CancellationToken.None);
        var answerer = new OwnershipAnswerer(new FixedCorpusSource(corpus), Microsoft.Extensions.Logging.Abstractions.NullLogger<OwnershipAnswerer>.Instance, semantics);

        var answer = answerer.Answer("who handles threat intel feeds?");

        Assert.Equal(OwnershipRules.Lexical, answer.Explanation.Rule);
        Assert.Equal(0, embedder.Calls);
        Assert.False(semantics.Requests.TryRead(out _));
    }

    [Fact]
    public void Answer_WordsAndMeaningClearlyDisagree_NamesBothTeamsAsPossibleOwners()
    {
        // "memory" is CSIRT's word, so the words cover the question only in part and meaning is asked.
        const string question = "who owns the badge printer memory?";
        var embedder = new GivenVectorsEmbedder(
            new Dictionary<string, float[]>
            {
                ["Badge printer maintenance"] = [0, 1, 0],
                ["Laptop memory forensics"] = [1, 0, 0],
                [question] = [1, 0, 0],
            },
            3);
        var answerer = OwnershipSemanticTestModel.Answerer(BadgeAndForensicsCorpus, embedder: embedder);

        var answer = answerer.Answer(question);

        Assert.Equal(OwnershipAnswerKind.Ambiguous, answer.Kind);
        Assert.True(answer.Disputed);
        Assert.Equal(["facilities", "csirt"], answer.Owners.Select(o => o.Team!.Id));
        Assert.Equal(["Badge printer maintenance", "Laptop memory forensics"], answer.Owners.Select(o => o.Item.Title));
        Assert.Equal(OwnershipRules.Disagreed, answer.Explanation.Rule);
        Assert.StartsWith("Two teams may own this", OwnershipAnswerText.ToMarkdown(answer), StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_ClearlyCloserToADutyThanToWorkElsewhere_NamesTheOwnerByMeaning()
    {
        var answer = AnswerByGivenMeaning([0.9f, 0, 0.4359f, 0]);

        Assert.Equal(OwnershipAnswerKind.Owner, answer.Kind);
        Assert.Equal("csirt", answer.Owners[0].Team?.Id);
        Assert.Equal(OwnershipRules.Meaning, answer.Explanation.Rule);
        Assert.Contains("0.46 closer than work outside the SOC", answer.Explanation.Decision, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_AboutAsCloseToWorkElsewhereAsToADuty_RefusesAndQuotesTheWorkElsewhere()
    {
        var answer = AnswerByGivenMeaning([0.7f, 0, 0.7f, 0]);

        Assert.Equal(OwnershipAnswerKind.Unknown, answer.Kind);
        Assert.Empty(answer.Owners);
        Assert.Equal(OwnershipRules.Refused, answer.Explanation.Rule);
        Assert.Contains(DutyDescriptions.Default.Elsewhere[0], answer.Explanation.Decision, StringComparison.Ordinal);
        Assert.Equal(DutyDescriptions.Default.Elsewhere[0], answer.Explanation.Elsewhere?.Sentence);
        Assert.Equal("Laptop memory forensics", answer.Suggestions[0].Item.Title);
    }

    [Fact]
    public void Answer_CloserToWorkElsewhereThanToAnyDuty_RefusesWithoutSuggestingDuties()
    {
        var answer = AnswerByGivenMeaning([0.6f, 0, 0.8f, 0]);

        Assert.Equal(OwnershipAnswerKind.Unknown, answer.Kind);
        Assert.True(answer.OutsideSoc);
        Assert.Empty(answer.Suggestions);
        Assert.Contains("work outside the SOC (0.80) is closer than any SOC duty (0.60)", answer.Explanation.Decision, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_RefusedButADutyCloserThanWorkElsewhere_StillSuggestsIt()
    {
        var answer = AnswerByGivenMeaning([0.62f, 0, 0.6f, 0.5f]);

        Assert.Equal(OwnershipAnswerKind.Unknown, answer.Kind);
        Assert.False(answer.OutsideSoc);
        Assert.Equal("Laptop memory forensics", answer.Suggestions[0].Item.Title);
    }

    [Fact]
    public void Answer_TwoTeamsAboutEquallyCloseByMeaning_DeclinesAndSuggestsBothDuties()
    {
        var answer = AnswerByGivenMeaning([0.7f, 0.7f, 0, 0]);

        Assert.Equal(OwnershipAnswerKind.Unknown, answer.Kind);
        Assert.Empty(answer.Owners);
        Assert.Equal(OwnershipRules.Refused, answer.Explanation.Rule);
        Assert.Contains("are within 0.02: too close to name either", answer.Explanation.Decision, StringComparison.Ordinal);
        Assert.Equal(["Alert queue triage", "Laptop memory forensics"], answer.Suggestions.Select(s => s.Item.Title).Order());
    }

    /// <summary>
    /// A question that shares no word with two duties, answered with the given meaning: its similarities to the CSIRT duty,
    /// the Monitoring duty, the first sentence about work done elsewhere, and to nothing.
    /// </summary>
    private static OwnershipAnswer AnswerByGivenMeaning(float[] question)
    {
        var corpus = new OwnershipCorpus(
            [new OwnershipTeam("csirt", "CSIRT", []), new OwnershipTeam("monitoring", "Monitoring", [])],
            [
                new OwnershipItem("forensics", OwnershipItemKind.Responsibility, "csirt", "Laptop memory forensics"),
                new OwnershipItem("queue", OwnershipItemKind.Responsibility, "monitoring", "Alert queue triage"),
            ],
            []);
        const string text = "who deals with this?";
        var embedder = new GivenVectorsEmbedder(
            new Dictionary<string, float[]>
            {
                ["Laptop memory forensics"] = [1, 0, 0, 0],
                ["Alert queue triage"] = [0, 1, 0, 0],
                [DutyDescriptions.Default.Elsewhere[0]] = [0, 0, 1, 0],
                [text] = question,
            },
            4);
        return OwnershipSemanticTestModel.Answerer(corpus, embedder: embedder).Answer(text);
    }

    private static OwnershipCorpus BadgeAndForensicsCorpus => new(
        [new OwnershipTeam("facilities", "Facilities", []), new OwnershipTeam("csirt", "CSIRT", [])],
        [
            new OwnershipItem("badges", OwnershipItemKind.Responsibility, "facilities", "Badge printer maintenance"),
            new OwnershipItem("forensics", OwnershipItemKind.Responsibility, "csirt", "Laptop memory forensics"),
        ],
        []);
}
