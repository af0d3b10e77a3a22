using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CivicConnect.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CivicDbContext>
{
    public CivicDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Civic") ?? "Host=127.0.0.1;Database=civic_design;Username=civic";
        var options = new DbContextOptionsBuilder<CivicDbContext>();
        DataServiceCollectionExtensions.Configure(options, DataServiceCollectionExtensions.BuildDataSource(connectionString));
        return new CivicDbContext(options.Options);
    }
}
