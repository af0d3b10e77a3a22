using CivicConnect.Core.Hosting;
using Microsoft.Extensions.Configuration.Json;

namespace CivicConnect.Server.Hosting;

internal static class RepositoryConfiguration
{
    /// <summary>
    /// The non-secret defaults live in the repository's top-level appsettings.json (one file an
    /// operator can read). It is placed before every other JSON file, so user secrets,
    /// environment variables and the command line still override it.
    /// </summary>
    public static WebApplicationBuilder AddRepositoryConfiguration(this WebApplicationBuilder builder)
    {
        var file = RepositoryPaths.AppSettings;
        if (!File.Exists(file))
        {
            return builder;
        }

        var sources = builder.Configuration.Sources;
        var firstJson = sources.Select((source, index) => (source, index)).FirstOrDefault(x => x.source is JsonConfigurationSource);
        var position = firstJson.source is null ? 0 : firstJson.index;
        var repositoryFile = new JsonConfigurationSource { Path = file, Optional = true };
        repositoryFile.ResolveFileProvider();
        sources.Insert(position, repositoryFile);
        return builder;
    }
}
