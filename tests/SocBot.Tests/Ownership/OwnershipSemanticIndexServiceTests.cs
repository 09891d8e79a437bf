using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocBot.Catalog;
using SocBot.Ownership;

namespace SocBot.Tests.Ownership;

/// <summary>The background build: start-up never waits for the model, answers are lexical until the index is in, a failure leaves them lexical, shutdown cancels.</summary>
public sealed class OwnershipSemanticIndexServiceTests
{
    private const string Question = "who keeps the laptops safe?";

    private static readonly OwnershipCorpus Corpus = new(
        [new OwnershipTeam("csirt", "CSIRT", [])],
        [new OwnershipItem("forensics", OwnershipItemKind.Responsibility, "csirt", "Laptop memory forensics")],
        []);

    private readonly GivenVectorsEmbedder _embedder = new(
        new Dictionary<string, float[]> { ["Laptop memory forensics"] = [1, 0], [Question] = [1, 0] }, 2);

    [Fact]
    public async Task StartAsync_ModelNotReady_ReturnsAtOnceAndAnswersStayLexicalUntilTheIndexIsBuilt()
    {
        _embedder.Open.Reset();
        var built = new SignallingLogger<OwnershipSemantics>("semantic index built");
        var (service, answerer) = Start(built);

        await service.StartAsync(CancellationToken.None);
        var before = answerer.Answer(Question);
        _embedder.Open.Set();
        await built.Logged.WaitAsync(TimeSpan.FromSeconds(30));
        var after = answerer.Answer(Question);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(OwnershipRules.Lexical, before.Explanation.Rule);
        Assert.Equal(OwnershipAnswerKind.Unknown, before.Kind);
        Assert.Equal(OwnershipRules.Meaning, after.Explanation.Rule);
        Assert.Equal("csirt", after.Owners[0].Team?.Id);
    }

    [Fact]
    public async Task Build_ModelFails_LogsOnceAndAnswersStayLexical()
    {
        _embedder.Failure = new InvalidOperationException("model file damaged");
        var failed = new SignallingLogger<OwnershipSemantics>("could not be built");
        var (service, answerer) = Start(failed);

        await service.StartAsync(CancellationToken.None);
        await failed.Logged.WaitAsync(TimeSpan.FromSeconds(30));
        var answer = answerer.Answer(Question);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(OwnershipRules.Lexical, answer.Explanation.Rule);
        Assert.Equal(1, _embedder.Calls);
    }

    [Fact]
    public async Task StopAsync_BuildInProgress_CancelsIt()
    {
        _embedder.Open.Reset();
        var (service, answerer) = Start(new SignallingLogger<OwnershipSemantics>("semantic index built"));

        await service.StartAsync(CancellationToken.None);
        await service.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(OwnershipRules.Lexical, answerer.Answer(Question).Explanation.Rule);
        Assert.True(service.ExecuteTask!.IsCompleted);
    }

    private (OwnershipSemanticIndexService Service, OwnershipAnswerer Answerer) Start(ILogger<OwnershipSemantics> logger)
    {
        var semantics = new OwnershipSemantics(_embedder, Options.Create(new OwnershipSemanticOptions()), logger);
        var source = new FixedCorpusSource(Corpus);
        var service = new OwnershipSemanticIndexService(
            semantics, source, new FixedCatalogSource(OwnershipTestCatalog.Catalog), NullLogger<OwnershipSemanticIndexService>.Instance);
        return (service, new OwnershipAnswerer(source, NullLogger<OwnershipAnswerer>.Instance, semantics));
    }
}
