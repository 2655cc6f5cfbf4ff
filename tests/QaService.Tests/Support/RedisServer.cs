using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace QaService.Tests.Support;

/// <summary>
/// A real redis-server for the tests that share conversations. <c>./test.sh</c> starts one and passes its address in
/// <c>QASERVICE_TEST_REDIS</c>; without it (a plain <c>dotnet test</c>) this starts its own on a free loopback port and
/// stops it afterwards. With neither it fails: these tests never skip. <see cref="StartOwn"/> always starts one of the
/// test's own, which it may stop and start again.
/// </summary>
public sealed class RedisServer : IDisposable
{
    public const string Variable = "QASERVICE_TEST_REDIS";

    private readonly int port;
    private Process? process;

    public RedisServer()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } address)
        {
            Address = address;
            return;
        }

        port = FreePort();
        Address = $"127.0.0.1:{port}";
        Start();
    }

    private RedisServer(int port)
    {
        this.port = port;
        Address = $"127.0.0.1:{port}";
        Start();
    }

    /// <summary>
    /// A redis-server of the test's own (never the shared one), which it may stop and start again. Its port is below
    /// the ephemeral range that every port-0 listener of the other tests draws from, so none takes it while it is down.
    /// </summary>
    public static RedisServer StartOwn()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20_000, 30_000);
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
            }
            catch (SocketException) when (attempt < 100)
            {
                continue;
            }

            return new(port);
        }
    }

    /// <summary>Kills the server (one started here), as a crash would.</summary>
    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit(5000);
        }

        process?.Dispose();
        process = null;
    }

    /// <summary>Starts a stopped server again on the same port.</summary>
    public void Start()
    {
        try
        {
            process = Process.Start(new ProcessStartInfo(
                "redis-server", ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning"])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            });
            process!.OutputDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"These tests need a real Redis: set {Variable}=host:port or install redis-server (./test.sh does both).", e);
        }

        WaitUntilListening(port);
    }

    /// <summary>host:port of the server.</summary>
    public string Address { get; }

    /// <summary>A loopback port nothing listens on, for "Redis unreachable".</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => Stop();

    private void WaitUntilListening(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited at start with code {process.ExitCode}.");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException($"redis-server did not listen on port {port} within 10 s.");
    }
}
