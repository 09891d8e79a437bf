using SocBot;
using SocBot.Cli;
using SocBot.Hosting;

if (CommandLine.IsVerb(args))
{
    return await CommandLine.RunAsync(args, SocBotServices.Add, CliConsole.System);
}

var builder = WebApplication.CreateBuilder(args);
SocBotServices.Add(builder.Services, builder.Configuration);

var app = builder.Build();
app.MapHealth();
await app.RunAsync();
return 0;
