using SocBot.Catalog;
using SocBot.Ownership;

namespace SocBot.Tests.Ownership;

/// <summary>What the asker reads for a confident, an ambiguous, a refused and a team question on the default catalog.</summary>
public sealed class OwnershipAnswerContentTests
{
    [Fact]
    public void Answer_ConfidentDuty_NamesOwnerFirstQuotesMatchAndListsChannelAndContacts()
    {
        var catalog = OwnershipTestCatalog.WithContacts(
            "threat-intelligence",
            new ChannelBinding("19:ti-channel@thread.tacv2", "3f2a6c1e-0d4b-4a8e-9d1c-5b7e2f9a0c11"),
            new TeamContact("Priya Raman", "priya.raman@contoso.example"),
            new TeamContact("Tom Weller", null));
        var answerer = OwnershipTestCatalog.Answerer(CatalogOwnershipCorpusSource.ToCorpus(catalog));

        var answer = answerer.Answer("Who handles threat intel feeds?");

        Assert.Equal(OwnershipAnswerKind.Owner, answer.Kind);
        Assert.True(answer.Confident);
        var owner = Assert.Single(answer.Owners);
        Assert.Equal("threat-intelligence", owner.Team?.Id);
        Assert.Equal("Threat intel feed management", owner.Item.Title);
        var lines = OwnershipAnswerText.ToMarkdown(answer).Split('\n');
        Assert.Equal("**Threat Intelligence & Analytics** owns this.", lines[0]);
        Assert.Equal("> Threat intel feed management _(responsibility)_", lines[1]);
        Assert.Equal(
            "Channel: [Threat Intelligence & Analytics](https://teams.microsoft.com/l/channel/19%3Ati-channel%40thread.tacv2/"
            + "Threat%20Intelligence%20%26%20Analytics?groupId=3f2a6c1e-0d4b-4a8e-9d1c-5b7e2f9a0c11)",
            lines[2]);
        Assert.Equal("Contacts: Priya Raman (priya.raman@contoso.example), Tom Weller", lines[3]);
    }

    [Fact]
    public void Answer_ProductTwoTeamsOwnPartsOf_SaysAmbiguousAndNamesBothWithWhatEachDoes()
    {
        var answer = OwnershipTestCatalog.Answerer().Answer("who handles MDE?");

        Assert.Equal(OwnershipAnswerKind.Ambiguous, answer.Kind);
        Assert.True(answer.Answered);
        Assert.False(answer.Confident);
        Assert.Equal(
            ["engineering-secops", "threat-intelligence"],
            answer.Owners.Select(o => o.Team!.Id).Order());
        var text = OwnershipAnswerText.ToMarkdown(answer);
        Assert.StartsWith("2 teams own parts of this:", text, StringComparison.Ordinal);
        Assert.Contains("**Engineering & SecOps**\n> Defender for Endpoint _(Microsoft 365 Defender task)_", text, StringComparison.Ordinal);
        Assert.Contains(
            "**Threat Intelligence & Analytics**\n> Maintains Microsoft Defender for Endpoint threat modeling _(Microsoft 365 Defender task)_",
            text,
            StringComparison.Ordinal);
        Assert.Contains(answer.Explanation.Synonyms, s => s.Written == "mde");
    }

    [Fact]
    public void Answer_OutOfScope_RefusesWithAtMostThreeSuggestionsAndTheWayToTheMatrix()
    {
        var answer = OwnershipTestCatalog.Answerer().Answer("Who handles expense reports?");

        Assert.Equal(OwnershipAnswerKind.Unknown, answer.Kind);
        Assert.False(answer.Confident);
        Assert.Empty(answer.Owners);
        Assert.Empty(answer.AlsoRelated);
        Assert.InRange(answer.Suggestions.Count, 1, 3);
        Assert.Contains(answer.Suggestions, s => s.Item.Title == "Event and alert reporting");
        var lines = OwnershipAnswerText.ToMarkdown(answer).Split('\n');
        Assert.Equal("I don't know who owns that.", lines[0]);
        Assert.Equal("Did you mean:", lines[2]);
        Assert.Contains("- Event and alert reporting (Monitoring)", lines);
        Assert.Equal(OwnershipAnswerText.MatrixHint, lines[^1]);
    }

    [Fact]
    public void Answer_NothingKnown_RefusesWithoutSuggestions()
    {
        var answer = OwnershipTestCatalog.Answerer().Answer("who waters the plants?");

        Assert.Equal(OwnershipAnswerKind.Unknown, answer.Kind);
        Assert.Empty(answer.Suggestions);
        Assert.Equal(
            $"I don't know who owns that.\n\n{OwnershipAnswerText.MatrixHint}",
            OwnershipAnswerText.ToMarkdown(answer));
    }

    [Fact]
    public void Answer_TaskOfAllTeams_AnswersEverySocTeam()
    {
        var answer = OwnershipTestCatalog.Answerer().Answer("who runs the IR tabletop?");

        Assert.Equal(OwnershipAnswerKind.Owner, answer.Kind);
        var owner = answer.Owners[0];
        Assert.True(owner.EveryTeam);
        Assert.Equal("Run IR tabletop exercise", owner.Item.Title);
        Assert.StartsWith("**Every SOC team** does this", OwnershipAnswerText.ToMarkdown(answer), StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_WhatDoesTeamDo_ListsTheTeamsResponsibilitiesAndTasks()
    {
        var answer = OwnershipTestCatalog.Answerer().Answer("What does CSIRT do?");

        Assert.Equal(OwnershipAnswerKind.TeamProfile, answer.Kind);
        Assert.Equal("csirt", answer.Profile!.Team.Id);
        var text = OwnershipAnswerText.ToMarkdown(answer);
        Assert.StartsWith("**Computer Security Incident Response Team (CSIRT)**", text, StringComparison.Ordinal);
        Assert.Contains("Responsibilities:\n- Investigates and responds to cyber incidents\n- Performs forensics", text, StringComparison.Ordinal);
        Assert.Contains("- Collaborate and maintain Microsoft 365 Defender incident response playbooks", text, StringComparison.Ordinal);
        Assert.Contains("- Run IR tabletop exercise (As needed, every SOC team)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Penetration testing", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_CloseRunnerUpOfAnotherTeam_IsOfferedAsAlsoRelated()
    {
        var answer = OwnershipTestCatalog.Answerer().Answer("who handles phishing and DLP engineering?");

        Assert.Equal("engineering-secops", answer.Owners[0].Team?.Id);
        Assert.Equal("Phishing and DLP engineering", answer.Owners[0].Item.Title);
        var related = Assert.Single(answer.AlsoRelated, r => r.Team?.Id == "soc-oversight");
        Assert.Equal("Update anti-phishing, data loss prevention campaigns", related.Item.Title);
        Assert.Contains(
            "- **SOC Oversight**: Update anti-phishing, data loss prevention campaigns",
            OwnershipAnswerText.ToMarkdown(answer).Split('\n'));
    }

    [Fact]
    public void Answer_MisspelledWord_IsReadAsTheNearestCatalogWord()
    {
        var answer = OwnershipTestCatalog.Answerer().Answer("who does forensiks");

        Assert.Equal("csirt", answer.Owners[0].Team?.Id);
        var correction = Assert.Single(answer.Explanation.Corrections);
        Assert.Equal(new OwnershipCorrection("forensiks", "forensics", 1), correction);
        Assert.Equal("_I read “forensiks” as “forensics”._", OwnershipAnswerText.ToMarkdown(answer).Split('\n')[^1]);
    }

    [Fact]
    public void Answer_BroadWordSharedByManyTeams_RefusesRatherThanGuess()
    {
        var answer = OwnershipTestCatalog.Answerer().Answer("who owns Microsoft?");

        Assert.False(answer.Confident);
        Assert.Equal(3, answer.Suggestions.Count);
    }

    [Theory]
    [InlineData("<at>SocBot</at> who owns MDE?")]
    [InlineData("@SocBot Who owns MDE")]
    [InlineData("Hi SocBot, who is responsible for MDE please?")]
    public void Answer_ChannelMentionAndGreeting_AnswerAsThePlainQuestion(string question)
    {
        var answerer = OwnershipTestCatalog.Answerer();
        var plain = answerer.Answer("who owns MDE?");

        var mentioned = answerer.Answer(question);

        Assert.Equal(plain.Explanation.Terms, mentioned.Explanation.Terms);
        Assert.Equal(plain.Owners.Select(o => o.Item.Id), mentioned.Owners.Select(o => o.Item.Id));
    }
}
