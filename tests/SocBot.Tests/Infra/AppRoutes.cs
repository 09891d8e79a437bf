using Microsoft.AspNetCore.Routing;

namespace SocBot.Tests.Infra;

/// <summary>The route patterns the real web app maps (the same ConfigureServices and MapEndpoints as Program.cs), read without starting it.</summary>
public static class AppRoutes
{
    public static IReadOnlySet<string> Patterns()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["Storage:SqlitePath"] = Path.Combine(Directory.CreateTempSubdirectory("socbot-routes-").FullName, "socbot.db");
        builder.ConfigureServices();
        using var app = builder.Build();
        app.MapEndpoints();
        return ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .ToHashSet(StringComparer.Ordinal);
    }
}
