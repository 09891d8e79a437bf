using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocBot.Enrichment;

namespace SocBot.Tests.Enrichment;

public sealed class GraphOptionsBindingTests
{
    [Fact]
    public void TaskEnrichments_Configured_ReplaceTheDefaults()
    {
        var options = Bind(new()
        {
            ["Graph:TaskEnrichments:update-soc-escalation-tickets"] = "MessageCenter",
            ["Graph:TaskEnrichments:Generate-Secure-Score-Report"] = "MessageCenter",
        });

        Assert.Equal(
            new Dictionary<string, LiveDataKind>
            {
                ["update-soc-escalation-tickets"] = LiveDataKind.MessageCenter,
                ["Generate-Secure-Score-Report"] = LiveDataKind.MessageCenter,
            },
            options.TaskEnrichments);
        Assert.Equal(LiveDataKind.MessageCenter, options.TaskEnrichments["generate-secure-score-report"]);
    }

    [Fact]
    public void TaskEnrichments_NothingConfigured_TheDefaults()
    {
        var options = Bind(new() { ["Graph:Enabled"] = "true" });

        Assert.Equal(
            new Dictionary<string, LiveDataKind>
            {
                ["generate-secure-score-report"] = LiveDataKind.SecureScore,
                ["portal-or-license-management"] = LiveDataKind.MessageCenter,
            },
            options.TaskEnrichments);
        Assert.Equal(LiveDataKind.SecureScore, options.TaskEnrichments["Generate-Secure-Score-Report"]);
    }

    private static GraphOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddEnrichment(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<GraphOptions>>().Value;
    }
}
