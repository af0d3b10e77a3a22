using System.Net;
using System.Net.Sockets;

namespace CivicConnect.Channels.Alerts;

/// <summary>
/// Which IP addresses an outbound webhook may reach: public unicast only. Loopback, private
/// (RFC 1918), shared (100.64/10), link-local (169.254/16 — cloud metadata lives there),
/// unique-local and multicast addresses would let whoever edits a routing rule make this server
/// call the city's internal systems (server-side request forgery).
/// </summary>
internal static class PublicAddresses
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return false;
        }

        var b = address.GetAddressBytes();
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => !(b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 100 && b[1] is >= 64 and <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && b[1] is 18 or 19)),
            AddressFamily.InterNetworkV6 => !(address.Equals(IPAddress.IPv6Any)
                || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast
                || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)), // NAT64: could reach an internal IPv4 address
            _ => false,
        };
    }
}
