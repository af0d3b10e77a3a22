using CivicConnect.Channels.CitizenPush.WebPush;

namespace CivicConnect.Server.Commands;

/// <summary><c>civic vapid</c>: a new key pair for Web Push, printed as the settings that take it. Needs no database.</summary>
internal static class VapidCommand
{
    public static int Run()
    {
        var (publicKey, privateKey) = WebPushKeys.Generate();
        Console.WriteLine($"WebPush__PublicKey={publicKey}");
        Console.WriteLine($"WebPush__PrivateKey={privateKey}");
        Console.Error.WriteLine("Keep the private key secret (an environment variable, not appsettings.json). Changing the pair invalidates every browser subscription.");
        return 0;
    }
}
