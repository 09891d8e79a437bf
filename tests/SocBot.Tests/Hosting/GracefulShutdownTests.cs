using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocBot.Hosting;

namespace SocBot.Tests.Hosting;

/// <summary>SocBot:ShutdownTimeout reaches the host's own shutdown timeout, and bad values are refused by name.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public void HostOptions_NoSetting_ThirtySeconds()
    {
        using var app = Build(new Dictionary<string, string?>());

        Assert.Equal(TimeSpan.FromSeconds(30), app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Fact]
    public void HostOptions_ShutdownTimeoutSet_UsedByTheHost()
    {
        using var app = Build(new Dictionary<string, string?> { ["SocBot:ShutdownTimeout"] = "00:01:15" });

        Assert.Equal(TimeSpan.FromSeconds(75), app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    /// <summary>The host reads its options while it is built, so a bad value stops the app before it listens.</summary>
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:05")]
    [InlineData("00:10:01")]
    public void Build_OutOfRangeTimeout_RefusesNamingTheKey(string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Build(new Dictionary<string, string?> { ["SocBot:ShutdownTimeout"] = value }));

        Assert.StartsWith("SocBot:ShutdownTimeout ", Assert.Single(error.Failures));
    }

    [Fact]
    public void Validate_LongestAllowed_Succeeds()
    {
        var result = new ShutdownOptionsValidator().Validate(null, new ShutdownOptions { ShutdownTimeout = ShutdownOptionsValidator.Maximum });

        Assert.True(result.Succeeded);
    }

    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration["Storage:SqlitePath"] = Path.Combine(Path.GetTempPath(), "socbot-shutdown-" + Guid.NewGuid().ToString("N"), "socbot.db");
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        return builder.ConfigureServices().Build();
    }
}
