using System.Net;
using System.Net.Sockets;

namespace TheBot.ServiceDefaults.Networking;

/// <summary>
/// Who is asking, for per-client limits in every service: the IPv4 address, or the /64 network of an IPv6 one.
/// One IPv6 subscriber usually owns a whole /64, so counting single addresses would be trivial to dodge.
/// </summary>
public static class ClientNetwork
{
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
