using Microsoft.Extensions.Options;

namespace TheBot.Api.Features.Payments;

/// <summary>
/// Says at startup which provider takes payments. The sandbox moves no money, so outside Development
/// that is a warning an operator should see.
/// </summary>
public sealed partial class PaymentModeAnnouncement(IOptions<PaymentOptions> options, IHostEnvironment environment, ILogger<PaymentModeAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.UseYooKassa)
        {
            LogYooKassa(options.Value.YooKassa.BaseUrl);
        }
        else if (environment.IsDevelopment())
        {
            LogSandbox();
        }
        else
        {
            LogSandboxOutsideDevelopment(environment.EnvironmentName);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Payments go through YooKassa at {BaseUrl}")]
    private partial void LogYooKassa(Uri baseUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payments use the sandbox provider (no YooKassa credentials configured)")]
    private partial void LogSandbox();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payments use the SANDBOX in {Environment}: invoices can be marked paid without money moving. Set Payments:YooKassa:ShopId and SecretKey.")]
    private partial void LogSandboxOutsideDevelopment(string environment);
}
