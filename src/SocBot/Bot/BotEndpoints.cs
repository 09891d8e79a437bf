using Microsoft.Extensions.Options;
using SocBot.Protocol;
using SocBot.Protocol.Authentication;
using SocBot.Protocol.Hosting;

namespace SocBot.Bot;

public static partial class BotEndpoints
{
    public static IServiceCollection AddBot(this IServiceCollection services)
    {
        services.AddBotProtocol(adapterSection: "SocBot");
        services.AddSocBotRouter();
        services.AddBotModule<HelpModule>();
        services.AddBotModule<ConversationTrackingModule>();
        return services;
    }

    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        services.GetRequiredService<IBot>();
        if (services.GetRequiredService<IOptions<BotCredentialsOptions>>().Value.IsAuthenticationDisabled)
        {
            Log.AuthenticationOff(services.GetRequiredService<ILoggerFactory>().CreateLogger("SocBot.Bot"));
        }

        endpoints.MapPost("/api/messages", (HttpRequest request, CloudAdapter adapter, IBot bot, CancellationToken cancellationToken) =>
            adapter.ProcessAsync(request, bot, cancellationToken));
        return endpoints;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "MicrosoftAppId is not set: /api/messages accepts unauthenticated activities. Development only.")]
        public static partial void AuthenticationOff(ILogger logger);
    }
}
