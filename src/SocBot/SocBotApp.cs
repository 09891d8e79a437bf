using SocBot.Bot;
using SocBot.Hosting;
using SocBot.Reports;
using SocBot.Telemetry;

namespace SocBot;

/// <summary>The web host's two halves, so end-to-end tests start the very same app on their own loopback port.</summary>
public static class SocBotApp
{
    public static WebApplicationBuilder ConfigureServices(this WebApplicationBuilder builder)
    {
        SocBotServices.Add(builder.Services, builder.Configuration);
        builder.Services.AddGracefulShutdown();
        builder.Services.AddSocBotTelemetry(builder.Configuration);
        return builder;
    }

    public static WebApplication MapEndpoints(this WebApplication app)
    {
        app.MapHealth();
        app.MapAbout();
        app.MapBotMessages();
        app.MapReports();
        return app;
    }
}
