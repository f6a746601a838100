using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace TheBot.Tests.Fixtures;

/// <summary>Arranges invoices through the API (and, where only time could, the database).</summary>
public sealed class Billing(TestAppHost host, Learning learning)
{
    public async Task<BillingSetup> CreateFamilyWithTutorAsync(People people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var tutor = await people.CreateAsync("tutor");
        var family = await learning.CreateFamilyAsync(tutor);
        return new BillingSetup(tutor, family.Student, family.Parent);
    }

    /// <summary>A draft invoice from the tutor.</summary>
    public async Task<NewInvoice> CreateInvoiceAsync(SignedIn tutor, Guid studentId, Guid parentId, decimal amount = 4500m, int dueInDays = 14)
    {
        ArgumentNullException.ThrowIfNull(tutor);
        using var response = await tutor.Client.PostAsJsonAsync("/api/invoices", new
        {
            studentId,
            parentId,
            amount,
            description = "Математика, 4 занятия",
            dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(dueInDays)),
        });
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        return (await response.Content.ReadFromJsonAsync<NewInvoice>(People.Json))!;
    }

    /// <summary>A sent invoice from a tutor to the parent of their student.</summary>
    public async Task<(BillingSetup Setup, Guid InvoiceId)> CreateSentInvoiceAsync(People people, decimal amount = 4500m)
    {
        var setup = await CreateFamilyWithTutorAsync(people);
        var invoice = await CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id, amount);
        await SendAsync(setup.Tutor, invoice.Id);
        return (setup, invoice.Id);
    }

    public static async Task SendAsync(SignedIn tutor, Guid invoiceId)
    {
        ArgumentNullException.ThrowIfNull(tutor);
        using var send = await tutor.Client.PostAsync($"/api/invoices/{invoiceId}/send", null);
        await Expect.StatusAsync(HttpStatusCode.OK, send);
    }

    /// <summary>Runs SQL against the run's database: only for what a test cannot wait for, like time passing.</summary>
    public async Task ExecuteSqlAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(await host.GetConnectionStringAsync("thebot"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync();
    }
}

public sealed record BillingSetup(SignedIn Tutor, SignedIn Student, SignedIn Parent);

/// <summary>What tests read of a new invoice (the response holds more).</summary>
public sealed record NewInvoice(Guid Id, string Status, decimal Amount, string Currency, string DisplayNumber);
