using System.Text.Json;

namespace TheBot.Bench;

/// <summary>Where the services under test are, from the environment bench/run.sh sets.</summary>
internal sealed record BenchSettings(string Database, string SigningKey, string ApiUrl, string RealtimeUrl, IReadOnlyList<string> RealtimeUrls, string SeedFile)
{
    public static BenchSettings FromEnvironment()
    {
        static string Required(string name) =>
            Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
                ? value
                : throw new InvalidOperationException($"Set {name} (bench/run.sh does).");

        var realtime = Required("BENCH_REALTIME_URLS").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new BenchSettings(
            Required("BENCH_DATABASE"),
            Required("BENCH_JWT_KEY"),
            Required("BENCH_API_URL"),
            realtime[0],
            realtime,
            Environment.GetEnvironmentVariable("BENCH_SEED_FILE") ?? Path.Combine(AppContext.BaseDirectory, "seed.json"));
    }
}

/// <summary>What the seeder created for the scenarios: the fan-out room, its poster and members.</summary>
internal sealed record SeedManifest(Guid RoomId, BenchUser Poster, IReadOnlyList<BenchUser> Members, BenchUser LessonReader, BenchUser ChatReader)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static SeedManifest Load(string path) =>
        JsonSerializer.Deserialize<SeedManifest>(File.ReadAllText(path), Json) ?? throw new InvalidOperationException($"{path} is empty.");

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
}
