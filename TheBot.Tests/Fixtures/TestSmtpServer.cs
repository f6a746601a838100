using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace TheBot.Tests.Fixtures;

/// <summary>
/// A small real SMTP server on 127.0.0.1 that keeps what it receives, for the api's e-mail channel to send to. It
/// can be stopped and started again on the same port (a server down, then up), and refuses the recipients given to
/// <see cref="Refuse"/> for good (550 5.1.1).
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.OrdinalIgnoreCase);
    private TcpListener? _listener;
    private CancellationTokenSource? _stopping;
    private Task? _accepting;

    public TestSmtpServer()
    {
        // Claim a free port once; every start binds it again.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    /// <summary>From now on, RCPT TO this address answers 550 (no such user).</summary>
    public void Refuse(string address) => _refused[address] = true;

    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    /// <summary>The api settings that send to this server.</summary>
    public Dictionary<string, string> ApiSettings() => new()
    {
        ["Smtp__Host"] = "127.0.0.1",
        ["Smtp__Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp__Security"] = "None",
        ["Smtp__From"] = "noreply@tests.thebot.local",
        ["Deliveries__AppBaseUrl"] = AppBaseUrl,
        ["Deliveries__PollInterval"] = "00:00:00.500",
        ["Deliveries__RetryBaseDelay"] = "00:00:01",
    };

    /// <summary>The public address e-mailed links start with in tests.</summary>
    public const string AppBaseUrl = "http://thebot.test";

    public void Start()
    {
        lock (_gate)
        {
            if (_listener is not null)
            {
                return;
            }

            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start();
            _stopping = new CancellationTokenSource();
            _accepting = AcceptAsync(_listener, _stopping.Token);
        }
    }

    /// <summary>Stops listening: connections are refused until <see cref="Start"/>.</summary>
    public async Task StopAsync()
    {
        Task? accepting;
        lock (_gate)
        {
            if (_listener is null)
            {
                return;
            }

            _stopping!.Cancel();
            _listener.Stop();
            _listener = null;
            accepting = _accepting;
        }

        try
        {
            await accepting!;
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Mail to <paramref name="address"/>, waited for up to <paramref name="timeout"/> (60 s by default).</summary>
    public async Task<ReceivedMail> WaitForAsync(string address, Func<ReceivedMail, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var found = To(address).FirstOrDefault(m => match?.Invoke(m) ?? true);
            if (found is not null)
            {
                return found;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"No e-mail to {address} arrived.");
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    public List<ReceivedMail> To(string address) =>
        [.. _received.Where(m => m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase))];

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        var sessions = new List<Task>();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(ct);
                sessions.Add(ServeAsync(client, ct));
            }
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
        }
        catch (SocketException)
        {
        }

        await Task.WhenAll(sessions.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    private async Task ServeAsync(TcpClient client, CancellationToken ct)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.UTF8, false, 4096, leaveOpen: true);
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 4096, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 test-smtp ready");
                string? from = null;
                var recipients = new List<string>();
                while (!ct.IsCancellationRequested && await reader.ReadLineAsync(ct) is { } line)
                {
                    var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                    switch (command)
                    {
                        case "EHLO":
                            await writer.WriteLineAsync("250-test-smtp");
                            await writer.WriteLineAsync("250-8BITMIME");
                            await writer.WriteLineAsync("250 SMTPUTF8");
                            break;
                        case "HELO":
                            await writer.WriteLineAsync("250 test-smtp");
                            break;
                        case "MAIL":
                            from = Address(line);
                            recipients.Clear();
                            await writer.WriteLineAsync("250 2.1.0 OK");
                            break;
                        case "RCPT":
                            var to = Address(line);
                            if (_refused.ContainsKey(to))
                            {
                                await writer.WriteLineAsync("550 5.1.1 No such user here");
                            }
                            else
                            {
                                recipients.Add(to);
                                await writer.WriteLineAsync("250 2.1.5 OK");
                            }

                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync(ct) is { } dataLine && dataLine != ".")
                            {
                                data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                            }

                            using (var raw = new MemoryStream(Encoding.UTF8.GetBytes(data.ToString())))
                            {
                                var message = await MimeMessage.LoadAsync(raw, ct);
                                _received.Enqueue(new ReceivedMail(from ?? "", [.. recipients], message));
                            }

                            await writer.WriteLineAsync("250 2.0.0 queued");
                            break;
                        case "RSET":
                            from = null;
                            recipients.Clear();
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "NOOP":
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("502 5.5.2 Command not recognized");
                            break;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}

/// <summary>One e-mail as the server received it.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> Recipients, MimeMessage Message)
{
    public string Text => Message.TextBody ?? "";

    public string Html => Message.HtmlBody ?? "";

    /// <summary>The unsubscribe link's path and query (its host is the configured public address).</summary>
    public string UnsubscribePath
    {
        get
        {
            var header = Message.Headers["List-Unsubscribe"] ?? throw new InvalidOperationException("No List-Unsubscribe header.");
            var url = new Uri(header.Trim('<', '>', ' '));
            return url.PathAndQuery;
        }
    }
}
