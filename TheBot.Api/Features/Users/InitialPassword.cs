using System.Security.Cryptography;

namespace TheBot.Api.Features.Users;

/// <summary>One-time initial passwords handed to new users: long, random, no look-alike characters.</summary>
public static class InitialPassword
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Create() =>
        string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 4)));
}
