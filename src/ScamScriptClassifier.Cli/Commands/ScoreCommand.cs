using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace ScamScriptClassifier.Cli.Commands;

/// <summary><c>scamscript score</c>: JSONL in (<c>{"id", "text"}</c> per line), JSONL out, in input order.</summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "Model file (default: the model embedded in the library)." };
        var input = new Option<string?>("--input", "-i") { Description = "JSONL file with one {\"id\", \"text\"} object per line; - or nothing reads stdin." };
        var text = new Option<string?>("--text", "-t") { Description = "Score this one text instead of reading JSONL." };
        var output = new Option<string?>("--output", "-o") { Description = "Write JSONL here (atomically) instead of stdout." };
        var warn = new Option<bool>("--warn") { Description = "Add a \"warning\" for the person at risk (Vietnamese text and a one-SMS variant) to each flagged record." };
        var command = new Command("score", "Score texts and print one JSON object per text.") { model, input, text, output, warn };
        command.SetAction(parse => CliModel.Run(() => Run(
            parse.GetValue(model), parse.GetValue(input), parse.GetValue(text), parse.GetValue(output), parse.GetValue(warn))));
        return command;
    }

    private static int Run(string? modelPath, string? inputPath, string? text, string? outputPath, bool warn)
    {
        if (text is not null && inputPath is not null)
        {
            throw new ArgumentException("Give either --text or --input, not both.");
        }

        var fromStandardInput = text is null && inputPath is null or "-";
        if (fromStandardInput && StandardInput.IsClosed())
        {
            throw new ArgumentException("Standard input is closed: nothing to score. Give --input FILE or --text TEXT, or pipe JSONL in.");
        }

        if (outputPath is not null)
        {
            RequireWritable(outputPath);
        }

        var classifier = CliModel.Open(modelPath);
        var temporary = outputPath is null ? null : $"{outputPath}.{Guid.NewGuid():N}.tmp";

        // Interrupted or terminated while writing: the temporary file goes, the target is left as it was.
        using var onInterrupt = temporary is null ? null : PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => TryDelete(temporary));
        using var onTerminate = temporary is null ? null : PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => TryDelete(temporary));
        var failures = 0;
        try
        {
            using (var destination = temporary is null ? Console.OpenStandardOutput() : CreateOutput(temporary, outputPath!))
            {
                if (text is not null)
                {
                    WriteAssessment(destination, null, classifier.Score(text), warn);
                }
                else
                {
                    using var reader = fromStandardInput
                        ? new StreamReader(Console.OpenStandardInput(), Encoding.UTF8)
                        : new StreamReader(inputPath!, Encoding.UTF8);
                    failures = ScoreLines(classifier, new BoundedLineReader(reader, MaxLineLength), destination, warn);
                }
            }

            if (temporary is not null)
            {
                try
                {
                    File.Move(temporary, outputPath!, overwrite: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new IOException($"Cannot write \"{outputPath}\": {ex.Message.Replace(temporary, outputPath, StringComparison.Ordinal)}", ex);
                }
            }
        }
        finally
        {
            if (temporary is not null)
            {
                TryDelete(temporary);
            }
        }

        if (failures > 0)
        {
            Console.Error.WriteLine($"scamscript: {failures} line(s) could not be scored; each has an \"error\" record in its place.");
            return ExitCodes.SomeFailed;
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// The longest JSONL line read: one that holds a text of the classifier's largest accepted length (1,000,000
    /// characters) even if every character is written as a six-character <c>\uXXXX</c> escape, plus room for the id.
    /// A longer line gets an error record without being kept in memory.
    /// </summary>
    internal const int MaxLineLength = (6 * 1_000_000) + 4096;

    /// <summary>Refuses, with the path the user gave, an output whose directory is missing or that is a directory.</summary>
    private static void RequireWritable(string outputPath)
    {
        var full = Path.GetFullPath(outputPath);
        if (Directory.Exists(full))
        {
            throw new IOException($"Cannot write \"{outputPath}\": it is a directory.");
        }

        if (Path.GetDirectoryName(full) is { } directory && !Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Cannot write \"{outputPath}\": the directory \"{Path.GetDirectoryName(outputPath)}\" does not exist.");
        }
    }

    private static FileStream CreateOutput(string temporary, string outputPath)
    {
        try
        {
            return File.Create(temporary);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot write \"{outputPath}\": {ex.Message.Replace(temporary, outputPath, StringComparison.Ordinal)}", ex);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the file is in the way of nothing but disk space.
        }
    }

    /// <summary>Streams: one line read, one line written. A bad line gets an error record in its place; the rest go on.</summary>
    private static int ScoreLines(ScamClassifier classifier, BoundedLineReader reader, Stream destination, bool warn)
    {
        var failures = 0;
        var number = 0;
        while (reader.TryReadLine(out var line, out var length))
        {
            number++;
            if (line is null)
            {
                failures++;
                WriteError(destination, number, null,
                    $"the line is {length} characters long, more than the {reader.MaxLength} a line may have (it cannot hold a text this classifier accepts)");
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var (id, text, error) = Parse(line);
            if (error is not null)
            {
                failures++;
                WriteError(destination, number, id, error);
                continue;
            }

            ScamAssessment assessment;
            try
            {
                assessment = classifier.Score(text!);
            }
            catch (ArgumentException ex)
            {
                failures++;
                WriteError(destination, number, id, ex.Message);
                continue;
            }

            WriteAssessment(destination, id, assessment, warn);
        }

        return failures;
    }

    private static (string? Id, string? Text, string? Error) Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, "expected a JSON object");
            }

            string? id = null;
            if (root.TryGetProperty("id", out var idElement))
            {
                id = idElement.ValueKind is JsonValueKind.String or JsonValueKind.Number ? idElement.ToString() : null;
            }

            if (!root.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
            {
                return (id, null, "missing \"text\" (a string)");
            }

            return (id, textElement.GetString(), null);
        }
        catch (JsonException ex)
        {
            // System.Text.Json counts lines from 0 within what it was given (one line here); the record's "line" is the
            // line in the input, so the message gives only the position within the line.
            var message = ex.Message;
            var where = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return (null, null, $"invalid JSON at character {(ex.BytePositionInLine ?? 0) + 1} of the line: {(where > 0 ? message[..where] : message)}");
        }
        catch (InvalidOperationException ex)
        {
            // For example a lone surrogate escape ("\ud800") that has no UTF-16 string.
            return (null, null, $"invalid text: {ex.Message}");
        }
    }

    /// <summary>
    /// The assessment in the library's wire format (<see cref="ScamScriptJsonContext"/>), after its <c>id</c>; with
    /// <paramref name="warn"/>, a flagged one is followed by its <c>warning</c> (<see cref="ScamWarnings.Compose"/>).
    /// </summary>
    internal static void WriteAssessment(Stream destination, string? id, ScamAssessment assessment, bool warn = false)
    {
        var record = JsonSerializer.SerializeToElement(assessment, ScamScriptJsonContext.Default.ScamAssessment);
        using (var json = new Utf8JsonWriter(destination, Json.WriterOptions))
        {
            json.WriteStartObject();
            if (id is null)
            {
                json.WriteNull("id");
            }
            else
            {
                json.WriteString("id", id);
            }

            foreach (var property in record.EnumerateObject())
            {
                property.WriteTo(json);
            }

            if (warn && assessment.IsScam)
            {
                json.WritePropertyName("warning");
                JsonSerializer.Serialize(json, ScamWarnings.Compose(assessment), ScamScriptJsonContext.Default.ScamWarning);
            }

            json.WriteEndObject();
        }

        destination.WriteByte((byte)'\n');
        destination.Flush();
    }

    private static void WriteError(Stream destination, int line, string? id, string error)
    {
        using (var json = new Utf8JsonWriter(destination, Json.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("line", line);
            if (id is not null)
            {
                json.WriteString("id", id);
            }

            json.WriteString("error", error);
            json.WriteEndObject();
        }

        destination.WriteByte((byte)'\n');
    }
}
