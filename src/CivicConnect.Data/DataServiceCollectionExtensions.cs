using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CivicConnect.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Civic";

    /// <summary>Registers the PostgreSQL data source (with PostGIS types) and the EF Core context.</summary>
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set. `./civic run` sets it for the private database; in production set the environment variable ConnectionStrings__{ConnectionStringName}.");
        }

        var dataSource = BuildDataSource(connectionString);
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddDbContextPool<CivicDbContext>(options => Configure(options, dataSource));
        builder.Services.AddScoped<UnitOfWork.AfterCommit>();
        return builder;
    }

    public static NpgsqlDataSource BuildDataSource(string connectionString)
    {
        var dataSourceBuilder = new NpgsqlDataSourceBuilder(connectionString);
        dataSourceBuilder.UseNetTopologySuite();
        PrepareRepeatedStatements(dataSourceBuilder.ConnectionStringBuilder, connectionString);
        return dataSourceBuilder.Build();
    }

    /// <summary>
    /// A node runs the same few statements over and over (a turn's eight round trips, the webhook's insert, the
    /// queue's page): Npgsql prepares each on a connection from its second use, so PostgreSQL stops parsing and
    /// planning it every time (issue 15: 5–20 % more turns a second on 2 cores, bench/README.md). A connection
    /// string that names either setting keeps its own (<c>Max Auto Prepare=0</c> turns it off).
    /// </summary>
    private static void PrepareRepeatedStatements(NpgsqlConnectionStringBuilder settings, string connectionString)
    {
        var named = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (named.Contains("MaxAutoPrepare") || named.Contains("AutoPrepareMinUsages"))
        {
            return;
        }

        settings.MaxAutoPrepare = 32;
        settings.AutoPrepareMinUsages = 2;
    }

    public static void Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource)
    {
        options.UseNpgsql(dataSource, npgsql =>
            {
                npgsql.UseNetTopologySuite();
                npgsql.MigrationsAssembly(typeof(CivicDbContext).Assembly.GetName().Name);
            })
            .UseSnakeCaseNamingConvention();
    }
}
