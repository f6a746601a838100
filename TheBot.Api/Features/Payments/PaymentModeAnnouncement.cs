using Microsoft.Extensions.Options;

namespace TheBot.Api.Features.Payments;

/// <summary>
/// Says at startup which provider takes payments. Outside Development both the sandbox (no money moves) and
/// no provider at all (paying is refused) are warnings an operator should see.
/// </summary>
public sealed partial class PaymentModeAnnouncement(
    PaymentModeSelection selection, IOptions<PaymentOptions> options, IHostEnvironment environment, ILogger<PaymentModeAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        switch (selection.Mode)
        {
            case PaymentMode.YooKassa:
                LogYooKassa(options.Value.YooKassa.BaseUrl);
                break;
            case PaymentMode.Sandbox when selection.SandboxOutsideDevelopment:
                LogSandboxOutsideDevelopment(environment.EnvironmentName);
                break;
            case PaymentMode.Sandbox:
                LogSandbox();
                break;
            default:
                LogNotConfigured(environment.EnvironmentName);
                break;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Payments go through YooKassa at {BaseUrl}")]
    private partial void LogYooKassa(Uri baseUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payments use the sandbox provider (Development, no YooKassa credentials configured)")]
    private partial void LogSandbox();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payments use the SANDBOX in {Environment} because Payments:Sandbox:Enabled is true: invoices can be marked paid without money moving. For real payments set Payments:YooKassa:ShopId and Payments:YooKassa:SecretKey.")]
    private partial void LogSandboxOutsideDevelopment(string environment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payments are not configured in {Environment}: paying an invoice is refused (503). Set Payments:YooKassa:ShopId and Payments:YooKassa:SecretKey, or Payments:Sandbox:Enabled=true for a demo without real money.")]
    private partial void LogNotConfigured(string environment);
}
