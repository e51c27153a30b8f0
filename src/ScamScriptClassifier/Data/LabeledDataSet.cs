using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.VisualBasic.FileIO;

namespace ScamScriptClassifier;

/// <summary>A row of a data file that could not be read, with where it is.</summary>
/// <param name="File">The file's path as given.</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record DataSetProblem(string File, int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>
/// Labelled items read from JSONL or CSV files. Every row is either an item or a <see cref="DataSetProblem"/>:
/// nothing is skipped silently.
/// </summary>
public sealed class LabeledDataSet
{
    private LabeledDataSet(IReadOnlyList<LabeledMessage> items, IReadOnlyList<string> sources, IReadOnlyList<DataSetProblem> problems)
    {
        Items = items;
        Sources = sources;
        Problems = problems;
    }

    /// <summary>
    /// The longest text an item may have, in characters: the default <see cref="ScamClassifierOptions.MaxInputLength"/>,
    /// since no longer text can be scored.
    /// </summary>
    internal const int MaxTextLength = 1_000_000;

    /// <summary>The valid items, in file order.</summary>
    public IReadOnlyList<LabeledMessage> Items { get; }

    /// <summary>For each item in <see cref="Items"/>, the name of the file it came from.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>The rows that were not read, each with file and line.</summary>
    public IReadOnlyList<DataSetProblem> Problems { get; }

    /// <summary>
    /// Reads a <c>.jsonl</c> or <c>.csv</c> file, or every such file directly inside a directory (sorted by
    /// name; subdirectories such as <c>challenge/</c> are not read).
    /// </summary>
    /// <exception cref="FileNotFoundException">No such file or directory, or a directory without data files.</exception>
    public static LabeledDataSet Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var files = ResolveFiles(path);
        var items = new List<LabeledMessage>();
        var sources = new List<string>();
        var problems = new List<DataSetProblem>();
        var seenIds = new Dictionary<string, (string File, int Line)>(StringComparer.Ordinal);
        var seenTexts = new Dictionary<string, (bool IsScam, string File, int Line)>(StringComparer.Ordinal);

        foreach (var file in files)
        {
            var rows = file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(file) : ReadJsonLines(file);
            foreach (var (line, item, error) in rows)
            {
                if (error is not null)
                {
                    problems.Add(new DataSetProblem(file, line, error));
                    continue;
                }

                if (seenIds.TryGetValue(item!.Id, out var first))
                {
                    problems.Add(new DataSetProblem(file, line, $"duplicate id \"{item.Id}\" (first at {first.File}:{first.Line})"));
                    continue;
                }

                var textKey = item.Text.Trim();
                if (seenTexts.TryGetValue(textKey, out var same) && same.IsScam != item.IsScam)
                {
                    problems.Add(new DataSetProblem(file, line, $"the same text is labelled \"{Label(same.IsScam)}\" at {same.File}:{same.Line} and \"{Label(item.IsScam)}\" here"));
                    continue;
                }

                seenIds[item.Id] = (file, line);
                seenTexts.TryAdd(textKey, (item.IsScam, file, line));
                items.Add(item);
                sources.Add(Path.GetFileName(file));
            }
        }

        return new LabeledDataSet(items, sources, problems);
    }

    /// <summary>
    /// SHA-256 of the items' content (id, text, label, patterns, kind, family), independent of file layout and
    /// line endings. A model's manifest records it for the data it was trained on.
    /// </summary>
    public static string ComputeSha256(IEnumerable<LabeledMessage> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var item in items)
        {
            var patterns = string.Join('|', item.Patterns.Select(p => p.ToWireName()));
            var record = $"{item.Id}\u001F{item.Text.ReplaceLineEndings("\n")}\u001F{Label(item.IsScam)}\u001F{patterns}\u001F{item.IsOtherScam}\u001F{item.Kind}\u001F{item.Family}\u001E";
            hash.AppendData(Encoding.UTF8.GetBytes(record));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Label(bool isScam) => isScam ? "scam" : "legit";

    private static List<string> ResolveFiles(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"No data file or directory at \"{path}\".", path);
        }

        var files = Directory.EnumerateFiles(path)
            .Where(f => f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new FileNotFoundException($"The directory \"{path}\" holds no .jsonl or .csv files.", path);
        }

        return files;
    }

    private static IEnumerable<(int Line, LabeledMessage? Item, string? Error)> ReadJsonLines(string file)
    {
        var line = 0;
        foreach (var raw in File.ReadLines(file))
        {
            line++;
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            LabeledMessage? item = null;
            string? error;
            try
            {
                using var document = JsonDocument.Parse(raw);
                error = document.RootElement.ValueKind == JsonValueKind.Object
                    ? TryCreate(Field(document.RootElement, "id"), Field(document.RootElement, "text"), Field(document.RootElement, "label"),
                        Categories(document.RootElement), Field(document.RootElement, "kind"), NullIfEmpty(Field(document.RootElement, "family")),
                        NullIfEmpty(Field(document.RootElement, "sender")), out item)
                    : "expected a JSON object";
            }
            catch (JsonException ex)
            {
                error = $"invalid JSON: {ex.Message}";
            }
            catch (InvalidOperationException ex)
            {
                error = ex.Message;
            }

            yield return (line, item, error);
        }
    }

    private static string? Field(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new InvalidOperationException($"\"{name}\" must be a string");
    }

    private static string[] Categories(JsonElement element)
    {
        if (!element.TryGetProperty("categories", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException("\"categories\" must be an array of strings");
        }

        return value.EnumerateArray()
            .Select(c => c.ValueKind == JsonValueKind.String ? c.GetString()! : throw new InvalidOperationException("\"categories\" must be an array of strings"))
            .ToArray();
    }

    /// <summary>
    /// The longest CSV row read, in characters: a text of <see cref="MaxTextLength"/> characters with every one a doubled
    /// quote, and room for the other columns. The CSV parser's time grows faster than a row's length, so a file with
    /// a longer row is refused, at that row, after one linear scan.
    /// </summary>
    internal const int MaxCsvRowLength = (2 * MaxTextLength) + 65536;

    private static IEnumerable<(int Line, LabeledMessage? Item, string? Error)> ReadCsv(string file)
    {
        if (FirstOverlongCsvRow(file) is { } overlong)
        {
            yield return (overlong.Line, null,
                $"the CSV row is longer than {MaxCsvRowLength} characters ({overlong.Length} or more), so it cannot hold a valid item (or a quote in it is not closed); the file was not read");
            yield break;
        }

        using var parser = new TextFieldParser(file, Encoding.UTF8) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var header = parser.ReadFields();
        if (header is null)
        {
            yield break;
        }

        var names = header.Select(name => name.Trim().ToLowerInvariant()).ToList();
        var repeated = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            yield return (1, null, $"the CSV header names the column \"{repeated.Key}\" more than once");
            yield break;
        }

        var columns = names.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index);
        foreach (var required in new[] { "id", "text", "label" })
        {
            if (!columns.ContainsKey(required))
            {
                yield return (1, null, $"the CSV header has no \"{required}\" column");
                yield break;
            }
        }

        while (!parser.EndOfData)
        {
            var line = (int)parser.LineNumber;
            string[]? fields;
            string? error = null;
            try
            {
                fields = parser.ReadFields();
            }
            catch (MalformedLineException ex)
            {
                fields = null;
                error = $"malformed CSV: {ex.Message}";
            }

            if (fields is null)
            {
                yield return (line, null, error ?? "empty row");
                continue;
            }

            string? Column(string name) => columns.TryGetValue(name, out var index) && index < fields.Length ? fields[index] : null;
            var categories = (Column("categories") ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            error = TryCreate(Column("id"), Column("text"), Column("label"), categories, NullIfEmpty(Column("kind")), NullIfEmpty(Column("family")), NullIfEmpty(Column("sender")), out var item);
            yield return (line, item, error);
        }
    }

    /// <summary>
    /// One linear pass over a CSV file, quote-aware (a doubled quote toggles twice), that finds the first row longer than
    /// <see cref="MaxCsvRowLength"/>: its first line and its length so far.
    /// </summary>
    private static (int Line, long Length)? FirstOverlongCsvRow(string file)
    {
        using var reader = new StreamReader(file, Encoding.UTF8);
        var buffer = new char[64 * 1024];
        var (line, rowLine, length, quoted) = (1, 1, 0L, false);
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            foreach (var c in buffer.AsSpan(0, read))
            {
                if (c == '"')
                {
                    quoted = !quoted;
                }

                if (c == '\n')
                {
                    line++;
                    if (!quoted)
                    {
                        (rowLine, length) = (line, 0);
                        continue;
                    }
                }

                if (++length > MaxCsvRowLength)
                {
                    return (rowLine, length);
                }
            }
        }

        return null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? TryCreate(string? id, string? text, string? label, string[] categories, string? kind, string? family, string? sender, out LabeledMessage? item)
    {
        item = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return "missing \"id\"";
        }

        if (text is null)
        {
            return $"item \"{id}\": missing \"text\"";
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return $"item \"{id}\": empty \"text\"";
        }

        if (text.Length > MaxTextLength)
        {
            return $"item \"{id}\": text is longer than {MaxTextLength} characters ({text.Length})";
        }

        bool isScam;
        switch (label)
        {
            case "scam":
                isScam = true;
                break;
            case "legit":
                isScam = false;
                break;
            case null:
                return $"item \"{id}\": missing \"label\"";
            default:
                return $"item \"{id}\": unknown label \"{label}\" (expected \"scam\" or \"legit\")";
        }

        if (!MessageKinds.TryParseWireName(kind ?? MessageKind.Sms.ToWireName(), out var messageKind))
        {
            return $"item \"{id}\": unknown kind \"{kind}\" (expected {string.Join(", ", MessageKinds.WireNames.Select(name => $"\"{name}\""))})";
        }

        var patterns = new List<ScamPattern>();
        var isOther = false;
        foreach (var category in categories)
        {
            if (category == "other")
            {
                isOther = true;
            }
            else if (ScamPatterns.TryParseWireName(category, out var pattern))
            {
                if (!patterns.Contains(pattern))
                {
                    patterns.Add(pattern);
                }
            }
            else
            {
                return $"item \"{id}\": unknown category \"{category}\" (expected {string.Join(", ", PatternTable.All.Select(row => row.WireName))} or other)";
            }
        }

        if (!isScam && (patterns.Count > 0 || isOther))
        {
            return $"item \"{id}\": a legit item has no categories";
        }

        item = new LabeledMessage(id, text, isScam, patterns, messageKind, family, isOther, sender);
        return null;
    }
}
