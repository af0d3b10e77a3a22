using CivicConnect.Screenshots;

// civic screenshots passes: <server base URL> <output folder>
if (args.Length != 2 || !Uri.TryCreate(args[0], UriKind.Absolute, out var server))
{
    Console.Error.WriteLine("usage: CivicConnect.Screenshots <server-url> <output-folder>");
    return 2;
}

var output = Directory.CreateDirectory(args[1]).FullName;
using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(2) };
var filed = await DemoReports.FileAsync(http);
Console.WriteLine($"filed {filed.Count} demo reports");
await DemoHandOff.AskForAPersonAsync(http);
var written = await ConsoleCamera.ShootAsync(server, output);
foreach (var file in written)
{
    Console.WriteLine(Path.GetRelativePath(Environment.CurrentDirectory, file));
}

return 0;
