using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SocBot.Protocol.Hosting;
using SocBot.Protocol.Schema;

namespace SocBot.Protocol.Tests.Hosting;

public sealed class ActivityRouterTests
{
    private static ITurnContext Turn(string json) =>
        new TurnContext(JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity)!, new Uri("https://smba.example/"), null!);

    [Fact]
    public void OnCommand_Twice_Throws()
    {
        var router = new ActivityRouter(NullLogger<ActivityRouter>.Instance).OnCommand("status", (_, _, _) => Task.CompletedTask);

        Assert.Throws<InvalidOperationException>(() => router.OnCommand("STATUS", (_, _, _) => Task.CompletedTask));
    }

    [Fact]
    public void OnInvoke_Twice_Throws()
    {
        var router = new ActivityRouter(NullLogger<ActivityRouter>.Instance).OnInvoke("adaptiveCard/action", (_, _) => Task.FromResult(InvokeResponse.NotImplemented));

        Assert.Throws<InvalidOperationException>(() => router.OnInvoke("adaptiveCard/action", (_, _) => Task.FromResult(InvokeResponse.NotImplemented)));
    }

    [Fact]
    public async Task Message_RoutesByFirstWord_CaseInsensitive_WithArguments()
    {
        string? seen = null;
        var router = new ActivityRouter(NullLogger<ActivityRouter>.Instance)
            .OnCommand("history", (_, args, _) => { seen = args; return Task.CompletedTask; })
            .OnUnmatchedMessage((_, _) => throw new InvalidOperationException("should not be reached"));

        await router.OnTurnAsync(Turn("""{"type":"message","text":"History   secure-score  "}"""), CancellationToken.None);

        Assert.Equal("secure-score", seen);
    }

    [Fact]
    public async Task Message_WithoutTextButWithValue_GoesToSubmit()
    {
        var submitted = false;
        var router = new ActivityRouter(NullLogger<ActivityRouter>.Instance)
            .OnSubmit((_, _) => { submitted = true; return Task.CompletedTask; })
            .OnUnmatchedMessage((_, _) => throw new InvalidOperationException("should not be reached"));

        await router.OnTurnAsync(Turn("""{"type":"message","value":{"verb":"complete"}}"""), CancellationToken.None);

        Assert.True(submitted);
    }

    [Fact]
    public async Task Invoke_Unmatched_Is501_AndOtherTypesAreIgnored()
    {
        var router = new ActivityRouter(NullLogger<ActivityRouter>.Instance);

        var invoke = await router.OnTurnAsync(Turn("""{"type":"invoke","name":"task/fetch"}"""), CancellationToken.None);
        var reaction = await router.OnTurnAsync(Turn("""{"type":"messageReaction"}"""), CancellationToken.None);

        Assert.Equal(501, invoke!.Status);
        Assert.Null(reaction);
    }
}
