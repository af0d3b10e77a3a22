using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Core.Hosting;

public static class OptionsRegistration
{
    /// <summary>
    /// Binds a section, validates its data annotations and checks it when the host starts, so a
    /// misconfigured node refuses to start and lists every failure instead of failing later.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IHostApplicationBuilder builder, string sectionName)
        where T : class
    {
        return builder.Services.AddOptions<T>()
            .Bind(builder.Configuration.GetSection(sectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
    }
}
