namespace TheBot.AppHost.Infrastructure;

/// <summary>The chosen infrastructure mode cannot work on this machine; the message says what to do.</summary>
public sealed class InfrastructureUnavailableException : Exception
{
    public InfrastructureUnavailableException()
    {
    }

    public InfrastructureUnavailableException(string message) : base(message)
    {
    }

    public InfrastructureUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
