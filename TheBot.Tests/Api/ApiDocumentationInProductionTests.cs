using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TheBot.Api.Platform.OpenApi;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api;

/// <summary>
/// The OpenAPI document and the interactive reference map every endpoint, parameter and role for an attacker:
/// in Production they are off unless an operator turns them on (<c>OpenApi:Enabled</c>).
/// </summary>
[Collection(ProductionAppFixture.Collection)]
public sealed class ApiDocumentationInProductionTests(ProductionAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/openapi/v1.json")]
    [InlineData("/api/docs/")]
    [InlineData("/api/docs")]
    public async Task In_Production_the_OpenAPI_document_and_the_reference_page_are_not_served(string path)
    {
        using var client = app.Host.CreateWebClient();

        using var response = await client.GetAsync(path, Ct);

        await Expect.ProblemAsync(HttpStatusCode.NotFound, response);
    }

    /// <summary>The switch, with the api's own documentation setup in a bare app (booting the platform for each case would cost minutes).</summary>
    [Theory]
    [InlineData("Production", null, HttpStatusCode.NotFound)]
    [InlineData("Production", "false", HttpStatusCode.NotFound)]
    [InlineData("Production", "true", HttpStatusCode.OK)]
    [InlineData("Staging", "true", HttpStatusCode.OK)]
    [InlineData("Development", null, HttpStatusCode.OK)]
    [InlineData("Development", "false", HttpStatusCode.NotFound)]
    public async Task The_document_and_the_reference_are_served_in_Development_or_when_OpenApi_Enabled_is_true(string environment, string? enabled, HttpStatusCode expected)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (enabled is not null)
        {
            builder.Configuration["OpenApi:Enabled"] = enabled;
        }

        builder.Services.AddAuthorization();
        builder.Services.AddApiDocumentation();
        await using var documented = builder.Build();
        documented.MapApiDocumentation();
        await documented.StartAsync(Ct);
        using var client = new HttpClient { BaseAddress = new Uri(documented.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        using var document = await client.GetAsync("/api/openapi/v1.json", Ct);
        using var reference = await client.GetAsync("/api/docs/", Ct);

        Assert.Equal(expected, document.StatusCode);
        Assert.Equal(expected, reference.StatusCode);
    }
}
