using SocBot.Ownership;

namespace SocBot.Tests.Ownership;

public sealed class OwnershipAnalyzerTests
{
    private static readonly OwnershipAnalyzer Analyzer = new(
        [
            new OwnershipSynonym("Microsoft Defender for Endpoint", ["MDE", "Defender for Endpoint"]),
            new OwnershipSynonym("threat intelligence", ["TI", "threat intel"]),
            new OwnershipSynonym("Microsoft 365 Defender", ["Defender portal"]),
            new OwnershipSynonym("data loss prevention", ["DLP"]),
        ],
        [
            "Threat intel feed management",
            "Maintains Microsoft Defender for Endpoint threat modeling",
            "Microsoft 365 Defender portal access",
            "SIEM parsing",
            "Phishing and DLP engineering",
        ]);

    [Fact]
    public void Analyze_CasingAndPunctuation_DoNotChangeTheTerms()
    {
        var plain = Analyzer.Analyze("who owns threat intel feeds", correctSpelling: true);
        var shouted = Analyzer.Analyze("WHO OWNS... Threat-Intel, feeds???", correctSpelling: true);

        Assert.Equal(plain.Terms, shouted.Terms);
        Assert.Equal(["threat", "intellig", "feed"], plain.Terms);
    }

    [Fact]
    public void Analyze_QuestionWording_IsDroppedAsStopWords()
    {
        var analyzed = Analyzer.Analyze("Who's in charge of, and who do I ask about, SIEM parsing?", correctSpelling: true);

        Assert.Equal(["siem", "pars"], analyzed.Terms);
    }

    [Fact]
    public void Analyze_Abbreviation_IsReadAsItsCanonicalForm()
    {
        var analyzed = Analyzer.Analyze("who owns MDE", correctSpelling: true);

        Assert.Equal(["microsoft", "defend", "endpoint"], analyzed.Terms);
        Assert.Equal([new OwnershipSynonymUse("mde", "microsoft defender for endpoint")], analyzed.Synonyms);
    }

    [Fact]
    public void Analyze_CanonicalFormInText_IsNotExpandedAgain()
    {
        var analyzed = Analyzer.Analyze("Maintains Microsoft Defender for Endpoint threat modeling", correctSpelling: false);

        Assert.Equal(["maintain", "microsoft", "defend", "endpoint", "threat", "model"], analyzed.Terms);
        Assert.Empty(analyzed.Synonyms);
    }

    [Fact]
    public void Analyze_VariantWordTheCatalogUses_IsKeptBesideTheCanonicalForm()
    {
        var analyzed = Analyzer.Analyze("who owns the defender portal", correctSpelling: true);

        Assert.Equal(["microsoft", "365", "defend", "portal"], analyzed.Terms);
    }

    [Fact]
    public void Analyze_VariantTheSynonymsReplaceEverywhere_IsNotCountedTwice()
    {
        var analyzed = Analyzer.Analyze("who owns DLP", correctSpelling: true);

        Assert.Equal(["data", "loss", "prevent"], analyzed.Terms);
    }

    [Fact]
    public void Analyze_MisspelledQuestionWord_IsReadAsTheStopWordAndDropped()
    {
        var analyzed = Analyzer.Analyze("who handels SIEM parsing", correctSpelling: true);

        Assert.Equal([new OwnershipCorrection("handels", "handles", 1)], analyzed.Corrections);
        Assert.Equal(["siem", "pars"], analyzed.Terms);
    }

    [Fact]
    public void Analyze_MisspelledUnknownWord_IsCorrectedToTheNearestCatalogWord()
    {
        var analyzed = Analyzer.Analyze("who owns SEIM parsng", correctSpelling: true);

        Assert.Equal(["siem", "pars"], analyzed.Terms);
        Assert.Equal(
            [new OwnershipCorrection("seim", "siem", 1), new OwnershipCorrection("parsng", "parsing", 1)],
            analyzed.Corrections);
    }

    [Fact]
    public void Analyze_WhoFixesIt_IsQuestionWordingAndNotMisreadAsACatalogWord()
    {
        var analyzed = Analyzer.Analyze("the ticket queue is broken, who fixes it", correctSpelling: true);

        Assert.Empty(analyzed.Corrections);
        Assert.DoesNotContain("file", analyzed.Terms);
    }

    [Fact]
    public void Analyze_EnglishWordTheCatalogLacks_IsKeptAsWrittenNotReadAsTheNearestCatalogWord()
    {
        var analyzed = Analyzer.Analyze("who triages the alerts overnight", correctSpelling: true);

        Assert.Empty(analyzed.Corrections);
        Assert.DoesNotContain(PorterStemmer.Stem("oversight"), analyzed.Terms);
    }

    [Fact]
    public void Analyze_KnownWordForm_IsNotCorrected()
    {
        var analyzed = Analyzer.Analyze("feeds", correctSpelling: true);

        Assert.Empty(analyzed.Corrections);
        Assert.Equal(["feed"], analyzed.Terms);
    }

    [Fact]
    public void Analyze_UnknownWordFarFromEveryCatalogWord_IsKeptAsWritten()
    {
        var analyzed = Analyzer.Analyze("who handles payroll", correctSpelling: true);

        Assert.Empty(analyzed.Corrections);
        Assert.Equal(["payrol"], analyzed.Terms);
    }

    [Fact]
    public void Analyze_CatalogText_IsNeverSpellCorrected()
    {
        var analyzed = Analyzer.Analyze("parsng", correctSpelling: false);

        Assert.Empty(analyzed.Corrections);
    }

    [Fact]
    public void Analyze_MisspellingAskedAgain_AndAfterTheRememberedCorrectionsAreFull_IsCorrectedTheSame()
    {
        var analyzer = new OwnershipAnalyzer([], ["SIEM parsing", "Phishing triage"]);
        var first = analyzer.Analyze("who owns SEIM parsng", correctSpelling: true);
        var again = analyzer.Analyze("who owns SEIM parsng", correctSpelling: true);

        // Distinct unknown words (letters only, so each is a correction candidate) past what is remembered.
        for (var n = 0; n <= OwnershipAnalyzer.RememberedCorrections; n++)
        {
            analyzer.Analyze($"who owns qz{Letters(n)}", correctSpelling: true);
        }

        var afterFlood = analyzer.Analyze("who handles phishng traige", correctSpelling: true);

        Assert.Equal(first.Corrections, again.Corrections);
        Assert.Equal(["siem", "pars"], again.Terms);
        Assert.Equal(
            [new OwnershipCorrection("phishng", "phishing", 1), new OwnershipCorrection("traige", "triage", 1)],
            afterFlood.Corrections);
    }

    private static string Letters(int n)
    {
        var letters = new System.Text.StringBuilder();
        do
        {
            letters.Append((char)('a' + (n % 26)));
            n /= 26;
        }
        while (n > 0);
        return letters.ToString();
    }
}
