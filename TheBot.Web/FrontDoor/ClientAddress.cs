using System.Net;
using System.Net.Sockets;

namespace TheBot.Web.FrontDoor;

/// <summary>Who is asking, for per-client limits: the IPv4 address, or the /64 network of an IPv6 one.</summary>
public static class ClientAddress
{
    public static string PartitionKey(IPAddress? address)
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
        // One IPv6 subscriber usually owns a whole /64: counting single addresses would be trivial to dodge.
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
