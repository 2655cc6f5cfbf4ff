using System.Net.Sockets;
using System.Text;

namespace QaService.Tests.Support;

/// <summary>One HTTP/1.1 exchange over a bare socket, for requests no HttpClient would send (broken framing, a body that stops).</summary>
public sealed class RawHttp : IAsyncDisposable
{
    private readonly TcpClient tcp = new();
    private NetworkStream stream = null!;

    public static async Task<RawHttp> ConnectAsync(Uri server)
    {
        var raw = new RawHttp();
        await raw.tcp.ConnectAsync(server.Host, server.Port);
        raw.stream = raw.tcp.GetStream();
        return raw;
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes)
    {
        await stream.WriteAsync(bytes);
        await stream.FlushAsync();
    }

    /// <summary>Reads until the server closes the connection or the response is complete, within <paramref name="timeout"/>.</summary>
    public async Task<RawResponse> ReadResponseAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            while (!IsComplete(received.ToArray()))
            {
                var read = await stream.ReadAsync(buffer, cancel.Token);
                if (read == 0)
                {
                    break;
                }

                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // The server reset the connection after it answered.
        }

        return RawResponse.Parse(Encoding.UTF8.GetString(received.ToArray()));
    }

    /// <summary>Closes the connection abruptly (a reset), as a client that goes away does.</summary>
    public void Abort()
    {
        tcp.Client.LingerState = new LingerOption(true, 0);
        tcp.Close();
    }

    private static bool IsComplete(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var head = RawResponse.Parse(text);
        return head.Headers.TryGetValue("content-length", out var length)
            ? Encoding.UTF8.GetByteCount(text[(end + 4)..]) >= int.Parse(length, System.Globalization.CultureInfo.InvariantCulture)
            : text.EndsWith("0\r\n\r\n", StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync()
    {
        tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public static RawResponse Parse(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (!text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) || end < 0)
        {
            return new RawResponse(0, new Dictionary<string, string>(), text);
        }

        var lines = text[..end].Split("\r\n");
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First()[1].Trim());
        return new RawResponse(int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, text[(end + 4)..]);
    }

    public override string ToString() => $"{Status} {string.Join("; ", Headers.Select(h => $"{h.Key}: {h.Value}"))}\n{Body}";
}
