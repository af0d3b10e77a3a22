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
        return dataSourceBuilder.Build();
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
