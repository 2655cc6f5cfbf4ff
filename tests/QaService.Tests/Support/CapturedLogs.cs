using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace QaService.Tests.Support;

public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message} {Exception}";
}

/// <summary>Keeps every entry a host logs (with its exception), to check what is and is not logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> entries = new();

    public IReadOnlyList<LogEntry> Entries => entries.ToList();

    /// <summary>Every entry as one line: level, category, message and exception.</summary>
    public IReadOnlyList<string> Lines => entries.Select(e => e.ToString()).ToList();

    public IReadOnlyList<LogEntry> AtLeast(LogLevel level) => entries.Where(e => e.Level >= level).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}
