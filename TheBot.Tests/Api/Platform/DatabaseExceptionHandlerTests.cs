using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TheBot.Api.Platform.Errors;

namespace TheBot.Tests.Api.Platform;

/// <summary>The safety net for what PostgreSQL refuses and no feature translated: a problem, never a 500.</summary>
public sealed class DatabaseExceptionHandlerTests
{
    [Theory]
    [InlineData("22021", 422)] // a NUL character in text (invalid byte sequence for UTF8: 0x00)
    [InlineData("22001", 422)] // a string longer than its column
    [InlineData("22003", 422)] // a number out of its column's range
    [InlineData("23505", 409)] // a unique violation
    [InlineData("23514", 422)] // a check violation
    public async Task A_value_the_database_refuses_is_answered_with_a_problem(string sqlState, int expected)
    {
        using var services = new ServiceCollection().AddOptions().AddLogging().AddProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();
        var handler = new DatabaseExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<DatabaseExceptionHandler>.Instance);
        var refused = new DbUpdateException("An error occurred while saving the entity changes.", new PostgresException("refused", "ERROR", "ERROR", sqlState));

        var handled = await handler.TryHandleAsync(http, refused, TestContext.Current.CancellationToken);

        Assert.True(handled);
        Assert.Equal(expected, http.Response.StatusCode);
        Assert.Equal("application/problem+json", http.Response.ContentType);
        http.Response.Body.Position = 0;
        var problem = await JsonSerializer.DeserializeAsync<JsonElement>(http.Response.Body, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(expected, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Anything_else_is_left_to_the_other_handlers()
    {
        using var services = new ServiceCollection().AddOptions().AddLogging().AddProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        var handler = new DatabaseExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<DatabaseExceptionHandler>.Instance);

        var handled = await handler.TryHandleAsync(http, new PostgresException("syntax", "ERROR", "ERROR", "42601"), TestContext.Current.CancellationToken);

        Assert.False(handled);
    }
}
