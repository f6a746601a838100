using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.PerSubjectBilling;

/// <summary>The per-subject billing steps tests take through the API, and the centre's calendar they check against.</summary>
internal static class BillingSteps
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static DateOnly Today => DateOnly.FromDateTime(
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime);

    public static async Task<JsonElement> SetPriceAsync(SignedIn tutorOrAdmin, Guid subjectId, decimal amount, Guid? teacherId = null, string currency = "RUB")
    {
        using var response = await tutorOrAdmin.Client.PutAsJsonAsync("/api/billing/prices", new { subjectId, teacherId, amount, currency }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>The enrollment as the caller's billing list shows it.</summary>
    public static async Task<JsonElement> BillingOfAsync(SignedIn caller, Guid enrollmentId)
    {
        var page = await caller.Client.GetFromJsonAsync<JsonElement>("/api/billing/enrollments?pageSize=100", Ct);
        return page.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("enrollmentId").GetGuid() == enrollmentId);
    }

    public static async Task<JsonElement> PayAsync(SignedIn parent, Guid enrollmentId)
    {
        using var response = await parent.Client.PostAsync($"/api/billing/enrollments/{enrollmentId}/pay", null, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>The payer's choice on the sandbox confirmation page.</summary>
    public static async Task DecideAsync(TestAppHost host, string confirmationUrl, string outcome = "succeed")
    {
        using var client = host.CreateWebClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["outcome"] = outcome });
        using var response = await client.PostAsync($"/api/payments/sandbox/{new Uri(confirmationUrl).Segments[^1]}", form, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static async Task<JsonElement> SubscribeAsync(SignedIn parent, Guid enrollmentId, int everyWeeks)
    {
        using var response = await parent.Client.PutAsJsonAsync($"/api/billing/enrollments/{enrollmentId}/subscription", new { everyWeeks }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    public static DateOnly? PaidUntil(JsonElement billing) =>
        billing.GetProperty("paidUntil").ValueKind == JsonValueKind.Null ? null : DateOnly.Parse(billing.GetProperty("paidUntil").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One number from the run's database: what only the database can tell (charges made, keys sent).</summary>
    public static async Task<long> CountAsync(TestAppHost host, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(await host.GetConnectionStringAsync("thebot"));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A subscribed enrollment whose first period the parent paid in the sandbox, saving the card.</summary>
    public static async Task<(Classroom Classroom, Guid SubscriptionId)> SubscribedAndPaidAsync(Learning learning, TestAppHost host, decimal price, int everyWeeks)
    {
        var classroom = await learning.CreateClassroomAsync();
        await SetPriceAsync(classroom.Tutor, classroom.SubjectId, price);
        var subscribed = await SubscribeAsync(classroom.Parent, classroom.EnrollmentId, everyWeeks);
        Assert.False(subscribed.GetProperty("subscription").GetProperty("hasSavedPaymentMethod").GetBoolean());
        await DecideAsync(host, subscribed.GetProperty("payment").GetProperty("confirmationUrl").GetString()!);
        var billing = await BillingOfAsync(classroom.Parent, classroom.EnrollmentId);
        Assert.True(billing.GetProperty("subscription").GetProperty("hasSavedPaymentMethod").GetBoolean());
        Assert.Equal(Today.AddDays(7 * everyWeeks), PaidUntil(billing));
        return (classroom, subscribed.GetProperty("subscription").GetProperty("id").GetGuid());
    }
}
