using CivicConnect.Core.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace CivicConnect.Server.Hosting;

/// <summary>
/// One line per entry (level, category, message, then the exception) with phone numbers and
/// e-mail addresses masked wherever they appear: in the message, in scopes and in exceptions.
/// </summary>
internal sealed class MaskingConsoleFormatter(IOptionsMonitor<ConsoleFormatterOptions> options, TimeProvider clock)
    : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "civic-masked";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var settings = options.CurrentValue;
        if (settings.TimestampFormat is { } format)
        {
            textWriter.Write(clock.GetUtcNow().ToString(format, System.Globalization.CultureInfo.InvariantCulture));
        }

        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(logEntry.Category);
        textWriter.Write(' ');
        if (settings.IncludeScopes && scopeProvider is not null)
        {
            scopeProvider.ForEachScope((scope, writer) => writer.Write($"[{PiiMask.Mask(scope?.ToString())}] "), textWriter);
        }

        textWriter.Write(PiiMask.Mask(message));
        if (logEntry.Exception is not null)
        {
            textWriter.Write(Environment.NewLine);
            textWriter.Write(PiiMask.Mask(logEntry.Exception.ToString()));
        }

        textWriter.Write(Environment.NewLine);
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
