using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TheBot.Api.Features.Auth;
using TheBot.Api.Features.Users;
using TheBot.Tests.Fixtures;
using SignInResult = TheBot.Api.Features.Auth.SignInResult;

namespace TheBot.Tests.Api.Auth;

/// <summary>
/// Equal work for every failed sign-in, shown without a stopwatch: api's own SignInService, built in process
/// over the run's database and Redis, with a password hasher that records what it is asked to verify. Each
/// attempt must verify exactly one hash, and that hash must be made the way the app hashes real passwords
/// (same format, pseudo-random function and iteration count): then an unknown email costs what a known one costs.
/// </summary>
public sealed class SignInWorkTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_failed_sign_in_verifies_one_hash_made_the_way_real_passwords_are_hashed()
    {
        var known = await fixture.People.CreateAccountAsync("teacher");
        var deactivated = await fixture.People.CreateAccountAsync("student");
        var attacked = await fixture.People.CreateAccountAsync("parent");
        var admin = await fixture.People.AdminAsync();
        using (var deactivate = await admin.Client.DeleteAsync($"/api/admin/users/{deactivated.Id}", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, deactivate);
        }

        await using var api = await InProcessApi.BuildAsync(fixture.Host, replace: services =>
        {
            services.AddSingleton(sp => new RecordingPasswordHasher(new PasswordHasher<User>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>())));
            services.Replace(ServiceDescriptor.Scoped<IPasswordHasher<User>>(sp => sp.GetRequiredService<RecordingPasswordHasher>()));
        });
        var hasher = api.Services.GetRequiredService<RecordingPasswordHasher>();
        var howRealPasswordsAreHashed = HashParameters(hasher.HashPassword(new User { FullName = "reference" }, "a new password"));
        var here = $"in-process-{Guid.NewGuid():N}";
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInAsync(api.Services, attacked.Email, "guess-" + attempt, $"elsewhere-{here}");
        }

        foreach (var (name, email, password) in new[]
        {
            ("unknown email", $"nobody-{Guid.NewGuid():N}@tests.thebot.local", "not-the-password"),
            ("wrong password", known.Email, "not-the-password"),
            ("deactivated, right password", deactivated.Email, People.DefaultPassword),
            ("attacked from elsewhere, wrong password", attacked.Email, "not-the-password"),
        })
        {
            var before = hasher.Verified.Count;
            var result = await SignInAsync(api.Services, email, password, here);

            Assert.Equal(SignInResult.Failed, result);
            var verified = hasher.Verified.Skip(before).ToList();
            Assert.True(verified.Count == 1, $"{name}: {verified.Count} hash verifications");
            Assert.True(HashParameters(verified[0]) == howRealPasswordsAreHashed,
                $"{name}: verified a hash made with {HashParameters(verified[0])}, real passwords are hashed with {howRealPasswordsAreHashed}");
        }
    }

    private static async Task<SignInResult> SignInAsync(IServiceProvider services, string email, string password, string network)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SignInService>().SignInAsync(email, password, network, Ct);
    }

    /// <summary>ASP.NET Core Identity's v3 hash header: format marker, PRF, iteration count, salt length.</summary>
    private static string HashParameters(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        static uint Read(byte[] b, int at) => (uint)(b[at] << 24 | b[at + 1] << 16 | b[at + 2] << 8 | b[at + 3]);
        return bytes[0] == 0x01
            ? $"format v3, PRF {Read(bytes, 1)}, {Read(bytes, 5)} iterations, {Read(bytes, 9)}-byte salt"
            : $"format marker {bytes[0]}";
    }

    private sealed class RecordingPasswordHasher(IPasswordHasher<User> inner) : IPasswordHasher<User>
    {
        public ConcurrentQueue<string> Verified { get; } = new();

        public string HashPassword(User user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            Verified.Enqueue(hashedPassword);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
