using System.Net.Sockets;
using Npgsql;
using TheBot.Api.Data;

namespace TheBot.Tests.Api.Data;

public sealed class StaleConnectionEvictionTests
{
    [Theory]
    [InlineData(PostgresErrorCodes.AdminShutdown, true)]
    [InlineData(PostgresErrorCodes.CrashShutdown, true)]
    [InlineData(PostgresErrorCodes.CannotConnectNow, true)]
    [InlineData(PostgresErrorCodes.UniqueViolation, false)]
    [InlineData(PostgresErrorCodes.ExclusionViolation, false)]
    [InlineData(PostgresErrorCodes.QueryCanceled, false)]
    public void Only_errors_that_mean_the_server_went_away_clear_the_pool(string sqlState, bool lost) =>
        Assert.Equal(lost, StaleConnectionEviction.IsConnectionLost(new PostgresException("x", "FATAL", "FATAL", sqlState)));

    [Fact]
    public void A_broken_socket_clears_the_pool_and_other_failures_do_not()
    {
        Assert.True(StaleConnectionEviction.IsConnectionLost(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.True(StaleConnectionEviction.IsConnectionLost(new NpgsqlException("Exception while writing to stream", new SocketException())));
        Assert.False(StaleConnectionEviction.IsConnectionLost(new NpgsqlException("The operation has timed out", new TimeoutException())));
        Assert.False(StaleConnectionEviction.IsConnectionLost(new InvalidOperationException()));
    }
}
