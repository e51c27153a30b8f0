using System.Diagnostics;
using System.Text.Json;
using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Cli;

/// <summary>Runs the real <c>scamscript</c> program, as a user would.</summary>
[Collection(TrainedModelCollection.Name)]
public sealed class CliTests(TrainedModelFixture fixture) : TemporaryDirectory("cli")
{
    [Fact]
    public void Score_Text_PrintsOneAssessmentObject()
    {
        var result = Run("score", "--text", Some.ScamScript);

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.InRange(root.GetProperty("probability").GetDouble(), 0, 1);
        Assert.True(root.GetProperty("isScam").GetBoolean());
        Assert.Equal("LikelyScam", root.GetProperty("verdict").GetString());
        Assert.Equal(["impersonation", "anti_state_threat", "subscription_revocation", "money_transfer"],
            root.GetProperty("patterns").EnumerateObject().Select(p => p.Name));
        var evidence = root.GetProperty("evidence").EnumerateArray().First();
        Assert.Equal(evidence.GetProperty("text").GetString(),
            Some.ScamScript.Substring(evidence.GetProperty("start").GetInt32(), evidence.GetProperty("length").GetInt32()));
    }

    [Fact]
    public void Score_JsonLinesWithABadLine_ScoresTheRestInOrderAndFails()
    {
        var input = PathOf("in.jsonl");
        File.WriteAllLines(input,
        [
            JsonSerializer.Serialize(new { id = "a", text = Some.Everyday }),
            """{"id": "b", "text": """,
            JsonSerializer.Serialize(new { id = "c", text = Some.ScamScript }),
            """{"id": "d"}""",
            """{"id": "e", "text": "\ud800 chuyen tien"}""",
        ]);

        var result = Run("score", "--input", input);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(5, lines.Count);
        Assert.Equal("a", lines[0].GetProperty("id").GetString());
        Assert.Equal(2, lines[1].GetProperty("line").GetInt32());
        Assert.Contains("invalid JSON", lines[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", lines[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.True(lines[2].GetProperty("isScam").GetBoolean());
        Assert.Equal("d", lines[3].GetProperty("id").GetString());
        Assert.Contains("missing \"text\"", lines[3].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, lines[4].GetProperty("line").GetInt32());
    }

    [Fact]
    public void Score_LineOverTheLengthLimit_GetsAnErrorRecordAndTheRestAreScored()
    {
        var input = PathOf("long.jsonl");
        File.WriteAllLines(input,
        [
            JsonSerializer.Serialize(new { id = "huge", text = new string('a', 1_000_001) }),
            JsonSerializer.Serialize(new { id = "ok", text = Some.ScamScript }),
        ]);

        var result = Run("score", "--input", input);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains("1000001 characters", lines[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.True(lines[1].GetProperty("isScam").GetBoolean());
    }

    [Fact]
    public void Score_StandardInputToOutputFile_WritesTheFile()
    {
        var output = PathOf("out.jsonl");

        var result = RunWithInput(JsonSerializer.Serialize(new { id = 7, text = Some.Everyday }) + "\n", "score", "--output", output);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var line = JsonDocument.Parse(File.ReadAllText(output)).RootElement;
        Assert.Equal("7", line.GetProperty("id").GetString());
        Assert.False(line.GetProperty("isScam").GetBoolean());
    }

    [Fact]
    public void Score_Warn_AddsAWarningToFlaggedRecordsOnly()
    {
        var input = PathOf("warn.jsonl");
        File.WriteAllLines(input,
        [
            JsonSerializer.Serialize(new { id = "scam", text = Some.ScamScript }),
            JsonSerializer.Serialize(new { id = "family", text = Some.Everyday }),
        ]);

        var result = Run("score", "--input", input, "--warn");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var warning = lines[0].GetProperty("warning");
        Assert.Contains("Sở TT-TT", warning.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.InRange(warning.GetProperty("sms").GetString()!.Length, 1, 160);
        Assert.False(lines[1].TryGetProperty("warning", out _));
    }

    [Fact]
    public void Score_WithoutWarn_WritesNoWarning()
    {
        var result = Run("score", "--text", Some.ScamScript);

        Assert.False(JsonDocument.Parse(result.Stdout).RootElement.TryGetProperty("warning", out _));
    }

    [Fact]
    public void Report_FlaggedTextNamingNoNumber_ExitsThreeAndSuggestsCaller()
    {
        var result = Run("report", "--text", Some.ScamScript);

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("scamscript: flagged (LikelyScam", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--caller", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Report_FlaggedTextWithCaller_PrintsTheReport()
    {
        var result = Run("report", "--text", Some.ScamScript, "--caller", "0912345678");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.StartsWith("LD 0912345678 ", JsonDocument.Parse(result.Stdout).RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_TheReadmeExample_PrintsWhatTheReadmeShows()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).ReplaceLineEndings("\n");
        const string scoreCall = "classifier.Score(\"";
        var textStart = readme.IndexOf(scoreCall, StringComparison.Ordinal) + scoreCall.Length;
        var text = readme[textStart..readme.IndexOf('"', textStart)];
        var section = readme.IndexOf("### Reporting to 156 / 5656", StringComparison.Ordinal);
        var jsonStart = readme.IndexOf("```json\n", section, StringComparison.Ordinal) + "```json\n".Length;
        var printed = readme[jsonStart..readme.IndexOf("```", jsonStart, StringComparison.Ordinal)].Trim();

        var result = Run("report", "--text", text, "--caller", "0912345678");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(printed, result.Stdout.Trim());
    }

    [Fact]
    public void Report_TextNotFlagged_ExitsOne()
    {
        var result = Run("report", "--text", Some.Everyday);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nothing to report", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_DamagedModel_PrintsOneLineAndNoStackTrace()
    {
        var model = PathOf("bad.zip");
        File.WriteAllText(model, "not a model");

        var result = Run("score", "--model", model, "--text", "alo");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"scamscript: Model file \"{model}\"", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ModelWithAHugeRecordedEntrySize_PrintsOneLineAndExitsTwo()
    {
        var model = PathOf("zip64.zip");
        File.WriteAllBytes(model, ZipSurgery.WithRecordedSize(File.ReadAllBytes(SavedModel()), "ScamScript/trained-texts.bin", 16L << 30));

        var result = Run("score", "--model", model, "--text", "alo");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"scamscript: Model file \"{model}\"", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("more than the limit", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ModelIsACharacterDevice_IsRefusedAtOnce()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        var result = Run("score", "--model", "/dev/zero", "--text", "alo");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a regular file", result.Stderr, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Score_StandardInputClosed_ExitsAtOnceWithAUsageError()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var result = RunWith("/bin/sh", ["-c", "exec dotnet \"$0\" score <&-", Path.Combine(AppContext.BaseDirectory, "scamscript.dll")], stdin: null, timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Standard input is closed", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_LineOverTheLineLimit_GetsAnErrorRecordAndTheNextLinesAreScored()
    {
        var input = PathOf("huge-line.jsonl");
        var huge = JsonSerializer.Serialize(new { id = "huge", text = new string('a', 7_000_000) });
        using (var writer = new StreamWriter(input))
        {
            writer.WriteLine(huge);
            writer.WriteLine(JsonSerializer.Serialize(new { id = "next", text = Some.ScamScript }));
        }

        var result = Run("score", "--input", input);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(1, lines[0].GetProperty("line").GetInt32());
        Assert.Contains($"{huge.Length} characters long", lines[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("next", lines[1].GetProperty("id").GetString());
        Assert.True(lines[1].GetProperty("isScam").GetBoolean());
    }

    [Fact]
    public void Score_OutputInAMissingDirectory_NamesThePathGiven()
    {
        var output = Path.Combine("no-such-directory", "out.jsonl");

        var result = RunWithInput(JsonSerializer.Serialize(new { id = 1, text = Some.Everyday }) + "\n", "score", "--output", output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"\"{output}\"", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_TextAndInputTogether_IsAUsageError()
    {
        var input = PathOf("both.jsonl");
        File.WriteAllText(input, JsonSerializer.Serialize(new { id = 1, text = Some.Everyday }) + "\n");

        var result = Run("score", "--text", Some.ScamScript, "--input", input);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("either --text or --input", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void Score_UnknownOption_IsAUsageError()
    {
        var result = Run("score", "--no-such-option");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--no-such-option", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void Score_SignalWhileWritingTheOutput_RemovesTheTemporaryFile(string signal)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var folder = Directory.CreateDirectory(PathOf($"signal-{signal}")).FullName;
        var output = Path.Combine(folder, "out.jsonl");
        using var process = Process.Start(StartInfo([Path.Combine(AppContext.BaseDirectory, "scamscript.dll"), "score", "--output", output]))!;
        try
        {
            process.StandardInput.WriteLine(JsonSerializer.Serialize(new { id = 1, text = Some.ScamScript }));
            process.StandardInput.Flush();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (Directory.GetFiles(folder, "*.tmp").Length == 0 && DateTime.UtcNow < deadline && !process.HasExited)
            {
                Thread.Sleep(50);
            }

            Assert.NotEmpty(Directory.GetFiles(folder, "*.tmp"));
            using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), $"still running 30 s after SIG{signal}");
            Assert.Empty(Directory.GetFiles(folder));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public void Evaluate_Json_ReportsOverallByKindAndPatterns()
    {
        var data = WriteItems("eval.jsonl", fixture.HeldOutItems.Where(i => i.IsScam).Take(100).Concat(fixture.HeldOutItems.Where(i => !i.IsScam).Take(100)));

        var result = Run("evaluate", "--data", data, "--model", SavedModel(), "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var report = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(200, report.GetProperty("overall").GetProperty("items").GetInt32());
        Assert.True(report.GetProperty("overall").GetProperty("rocAuc").GetDouble() > 0.9);
        Assert.True(report.GetProperty("byKind").TryGetProperty("sms", out _));
        Assert.Equal(4, report.GetProperty("patterns").GetArrayLength());
    }

    [Fact]
    public void Evaluate_ItemsTheModelTrainedOn_AreSkipped()
    {
        var trained = fixture.Items.Where(i => fixture.Classifier.WasTrainedOn(i.Text)).Take(30);
        var data = WriteItems("seen.jsonl", trained);

        var result = Run("evaluate", "--data", data, "--model", SavedModel(), "--json");

        Assert.Equal(30, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("skippedSeen").GetInt32());
    }

    [Fact]
    public void Train_WritesAModelThatLoads()
    {
        var data = WriteItems("train.jsonl", fixture.Items.Where((_, i) => i % 3 == 0));
        var model = PathOf("trained.zip");

        var result = Run("train", "--data", data, "--output", model, "--seed", "7");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("held-out evaluation", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(7, ScamClassifier.Load(model).Manifest.Seed);
    }

    [Fact]
    public void Train_InvalidRows_RefusesNamingFileAndLine()
    {
        var data = WriteItems("train.jsonl", fixture.Items.Take(40));
        File.AppendAllText(data, "{\"id\": \"broken\", \"text\": \"x\", \"label\": \"maybe\"}\n");

        var result = Run("train", "--data", data, "--output", PathOf("m.zip"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{data}:41: item \"broken\": unknown label \"maybe\"", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("m.zip")));
    }

    [Fact]
    public void Train_TooFewItems_ExitsTwoWithAClearMessage()
    {
        var data = WriteItems("few.jsonl", fixture.Items.Where(i => i.IsScam).Take(3).Concat(fixture.Items.Where(i => !i.IsScam).Take(2)));

        var result = Run("train", "--data", data, "--output", PathOf("few.zip"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("scamscript: Too few items: need at least", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("few.zip")));
    }

    [Fact]
    public void Train_SmallDataLowerCaseTrainerAndQuiet_WarnsOnStderrAndTrains()
    {
        var items = fixture.Items.Where((_, i) => i % 6 == 0).ToList();
        var uncategorised = items.First(i => i.IsScam) with { Id = "no-categories", Text = "Tôi là cán bộ Sở TT-TT, thuê bao của anh sẽ bị khoá.", Patterns = [], IsOtherScam = false };
        var data = WriteItems("small.jsonl", [.. items, uncategorised]);
        var model = PathOf("small.zip");

        var result = Run("train", "--data", data, "--output", model, "--trainer", "lbfgs", "--quiet");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("lbfgs", ScamClassifier.Load(model).Manifest.Trainer);
        Assert.Contains("warning: small.jsonl: item \"no-categories\" is labelled scam but has no categories", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("held-out item(s); with fewer than 200", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("%]", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_UnknownTrainer_ListsTheAllowedValues()
    {
        var result = Run("train", "--data", "unused.jsonl", "--trainer", "fasttree");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown trainer \"fasttree\" (expected one of: sdca, lbfgs)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_HelpShowsTheLowerCaseTrainersAndQuiet()
    {
        var result = Run("train", "--help");

        Assert.Contains("--trainer <sdca|lbfgs>", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--quiet", result.Stdout, StringComparison.Ordinal);
    }

    private string SavedModel()
    {
        var path = PathOf("model.zip");
        if (!File.Exists(path))
        {
            fixture.Model.Save(path);
        }

        return path;
    }

    private string WriteItems(string name, IEnumerable<LabeledMessage> items)
    {
        var path = PathOf(name);
        File.WriteAllLines(path, items.Select(i => JsonSerializer.Serialize(new
        {
            id = i.Id,
            text = i.Text,
            label = i.IsScam ? "scam" : "legit",
            categories = i.Patterns.Select(p => p.ToWireName()).Concat(i.IsOtherScam ? ["other"] : Array.Empty<string>()),
            kind = i.Kind.ToString().ToLowerInvariant(),
            family = i.Family,
        })));
        return path;
    }

    private sealed record Result(int ExitCode, string Stdout, string Stderr);

    private static Result Run(params string[] arguments) => RunWithInput(null, arguments);

    private static Result RunWithInput(string? stdin, params string[] arguments) =>
        RunWith("dotnet", [Path.Combine(AppContext.BaseDirectory, "scamscript.dll"), .. arguments], stdin, TimeSpan.FromMinutes(3));

    private static ProcessStartInfo StartInfo(IEnumerable<string> arguments, string program = "dotnet")
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static Result RunWith(string program, string[] arguments, string? stdin, TimeSpan timeout)
    {
        using var process = Process.Start(StartInfo(arguments, program))!;
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in {timeout}.");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
