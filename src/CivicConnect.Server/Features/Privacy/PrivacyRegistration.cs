using CivicConnect.Core.Hosting;

namespace CivicConnect.Server.Features.Privacy;

public static class PrivacyRegistration
{
    /// <summary>Erasure on request and the retention sweep (section <c>Retention</c>).</summary>
    public static IHostApplicationBuilder AddPrivacy(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<RetentionOptions>(RetentionOptions.SectionName);
        builder.Services.AddScoped<PersonalDataEraser>();
        builder.Services.AddScoped<RetentionSweep>();
        builder.Services.AddHostedService<RetentionWorker>();
        return builder;
    }
}
