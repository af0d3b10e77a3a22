using Microsoft.AspNetCore.Hosting;

namespace CivicConnect.Integration.Tests.DirectLine;

/// <summary>Another node of the same deployment: a second server on the database of <paramref name="first"/>.</summary>
public sealed class SecondNodeFactory(DirectLineAppFactory first) : DirectLineAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Civic", first.Database.ConnectionString);
        builder.UseSetting("Media:Root", first.MediaRoot);
    }
}
