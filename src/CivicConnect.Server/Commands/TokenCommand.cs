using CivicConnect.Core.Security;
using CivicConnect.Server.Security;

namespace CivicConnect.Server.Commands;

/// <summary>
/// <c>civic token --role supervisor [--role staff] [--department CODE] [--name NAME] [--hours N]</c>:
/// prints a development bearer token signed with <c>Auth:DevSigningKey</c>.
/// </summary>
internal static class TokenCommand
{
    public static int Run(IServiceProvider services, string[] options)
    {
        // A token minted here is as good as a supervisor's sign-in: only on a developer's machine.
        var environment = services.GetRequiredService<IHostEnvironment>();
        if (!environment.IsDevelopment())
        {
            Console.Error.WriteLine($"error: civic token mints development tokens only in the Development environment (this is {environment.EnvironmentName}); staff sign in through the OIDC provider (Auth:Authority).");
            return 64;
        }

        var roles = Values(options, "--role");
        if (roles.Count == 0)
        {
            Console.Error.WriteLine($"error: give at least one --role ({string.Join(", ", CivicRoles.All)})");
            return 64;
        }

        var name = Value(options, "--name") ?? $"dev-{roles[0]}";
        TimeSpan? lifetime = null;
        if (Value(options, "--hours") is { } hours)
        {
            if (!double.TryParse(hours, System.Globalization.CultureInfo.InvariantCulture, out var h) || h <= 0 || h > 168)
            {
                Console.Error.WriteLine("error: --hours must be a number between 0 and 168");
                return 64;
            }

            lifetime = TimeSpan.FromHours(h);
        }

        try
        {
            var token = services.GetRequiredService<DevTokenIssuer>().Issue(name, roles, Value(options, "--department"), name, lifetime);
            Console.WriteLine(token);
            return 0;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 64;
        }
    }

    private static List<string> Values(string[] options, string flag) =>
        options.Select((value, index) => (value, index))
            .Where(x => x.value == flag && x.index + 1 < options.Length)
            .Select(x => options[x.index + 1])
            .ToList();

    private static string? Value(string[] options, string flag) => Values(options, flag).LastOrDefault();
}
