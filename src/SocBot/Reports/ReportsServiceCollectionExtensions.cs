using Microsoft.Extensions.Options;
using SocBot.AdHoc;
using SocBot.Bot;
using SocBot.Cli;

namespace SocBot.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>The team commands (due, status, history, tasks, complete, skip, export, run), the audit export and the status verb.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReportsOptions>, ReportsOptionsValidator>();
        services.AddTransient<AuditExporter>();
        services.AddSingleton<ExportLinkSigner>();
        services.AddHttpClient<FileUploadClient>();
        services.AddTransient<StatusReport>();
        services.AddTransient<TeamReports>();
        services.AddTransient<AdHocRunner>();
        services.AddBotModule<ReportsModule>();
        services.AddBotModule<RunModule>();
        services.AddBotModule<ExportModule>();
        services.AddCliVerb<StatusVerb>();
        return services;
    }
}
