using Microsoft.Extensions.Logging;
using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Scoring;

/// <summary>Message text is personal data: logged only when asked for, and then only at Debug level.</summary>
public sealed class LogMessageTextTests
{
    private const string Marker = "Giám đốc Sở Thông tin";

    [Theory]
    [InlineData(LogLevel.Trace)]
    [InlineData(LogLevel.Information)]
    public void Score_LogMessageTextOff_NoMessageCarriesTheText(LogLevel minimum)
    {
        var logs = new ListLoggerFactory(minimum);
        var classifier = ScamClassifier.Create(new ScamClassifierOptions(), logs);

        classifier.Score(Some.ScamScript);
        var call = classifier.StartCall();
        call.Append(Some.ScamScript);

        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(Marker, StringComparison.Ordinal));
    }

    [Fact]
    public void Score_LogMessageTextOn_LogsTheTextAtDebugOnly()
    {
        var logs = new ListLoggerFactory(LogLevel.Trace);
        var classifier = ScamClassifier.Create(new ScamClassifierOptions { LogMessageText = true }, logs);

        classifier.Score(Some.ScamScript);
        classifier.StartCall().Append(Some.ScamScript);

        var withText = logs.Entries.Where(e => e.Message.Contains(Marker, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, withText.Count);
        Assert.All(withText, e => Assert.Equal(LogLevel.Debug, e.Level));
    }

    [Fact]
    public void Score_LogMessageTextOnButDebugDisabled_NoMessageCarriesTheText()
    {
        var logs = new ListLoggerFactory(LogLevel.Information);
        var classifier = ScamClassifier.Create(new ScamClassifierOptions { LogMessageText = true }, logs);

        classifier.Score(Some.ScamScript);
        classifier.StartCall().Append(Some.ScamScript);

        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(Marker, StringComparison.Ordinal));
    }

    private sealed class ListLoggerFactory(LogLevel minimum) : ILoggerFactory, ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lock (Entries)
                {
                    Entries.Add((logLevel, formatter(state, exception)));
                }
            }
        }
    }
}
