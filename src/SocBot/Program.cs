using SocBot;
using SocBot.Cli;

if (CommandLine.IsVerb(args))
{
    return await CommandLine.RunAsync(args, SocBotServices.Add, CliConsole.System);
}

var app = WebApplication.CreateBuilder(args).ConfigureServices().Build().MapEndpoints();
await app.RunAsync();
return 0;
