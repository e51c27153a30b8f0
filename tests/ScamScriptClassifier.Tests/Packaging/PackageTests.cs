using System.Diagnostics;
using System.IO.Compression;
using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.Packaging;

/// <summary>The path a real user takes: pack, reference the package by version from a fresh project, run it.</summary>
public sealed class PackageTests() : TemporaryDirectory("pack")
{
    [Fact]
    public void Package_ReferencedByVersionFromFreshProjects_ScoresWithTheEmbeddedModelAndTheReadmeEndpointCompiles()
    {
        var feed = Directory.CreateDirectory(PathOf("feed")).FullName;
        var version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        Run(Repository.Root, "pack", "src/ScamScriptClassifier/ScamScriptClassifier.csproj", "-c", "Release", "-o", feed, $"-p:Version={version}");

        var package = Path.Combine(feed, $"ScamScriptClassifier.{version}.nupkg");
        Assert.True(File.Exists(Path.Combine(feed, $"ScamScriptClassifier.{version}.snupkg")), "no symbols package");
        using (var zip = ZipFile.OpenRead(package))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "README.md");
            Assert.Contains(zip.Entries, e => e.FullName == "lib/net10.0/ScamScriptClassifier.dll");
        }

        var consumer = Directory.CreateDirectory(PathOf("consumer")).FullName;
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local-test-feed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), ConsumerProject("Microsoft.NET.Sdk", version, "<OutputType>Exe</OutputType>"));
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), $$"""
            using ScamScriptClassifier;
            var assessment = ScamClassifier.LoadDefault().Score("{{Some.ScamScript}}");
            Console.WriteLine($"{assessment.Verdict} {assessment.IsScam}");

            // A consumer's own fake, live calls included, built from the public surface alone.
            IScamClassifier fake = new FakeClassifier();
            var call = fake.StartCall();
            call.Alert += (_, a) => Console.WriteLine($"fake alert at turn {a.AlertTurn}");
            call.Append("alo", speaker: "caller");

            sealed class FakeClassifier : IScamClassifier
            {
                public ScamAssessment Score(string text) => new(0.9f, true, ScamVerdict.LikelyScam, new Dictionary<ScamPattern, float>(), []);
                public float ScoreProbability(ReadOnlySpan<char> text) => 0.9f;
                public IReadOnlyList<ScamBatchResult> ScoreBatch(IReadOnlyList<string?> texts, CancellationToken cancellationToken = default) =>
                    texts.Select((t, i) => new ScamBatchResult(i, Score(t ?? ""), null)).ToList();
                public IScamCallSession StartCall() => new FakeCall();
            }

            sealed class FakeCall : IScamCallSession
            {
                public event EventHandler<CallAssessment>? Alert;
                public CallAssessment Current { get; private set; } = new(0f, false, ScamVerdict.Safe, new Dictionary<ScamPattern, float>(), 0, null);
                public CallAssessment Append(string utterance, string? speaker = null)
                {
                    Current = new(0.9f, true, ScamVerdict.LikelyScam, new Dictionary<ScamPattern, float>(), Current.Turns + 1, 1);
                    Alert?.Invoke(this, Current);
                    return Current;
                }
            }
            """);

        var output = Run(consumer, "run");

        Assert.Contains("LikelyScam True", output, StringComparison.Ordinal);
        Assert.Contains("fake alert at turn 1", output, StringComparison.Ordinal);

        // The README's minimal endpoint, exactly as printed, in a web project of its own.
        var endpoint = Directory.CreateDirectory(PathOf("endpoint")).FullName;
        File.Copy(Path.Combine(consumer, "nuget.config"), Path.Combine(endpoint, "nuget.config"));
        File.WriteAllText(Path.Combine(endpoint, "Endpoint.csproj"), ConsumerProject("Microsoft.NET.Sdk.Web", version, string.Empty));
        File.WriteAllText(Path.Combine(endpoint, "Program.cs"), ReadmeBlockAfter("### A minimal endpoint"));

        Run(endpoint, "build");
    }

    /// <summary>The first C# code block after <paramref name="heading"/> in the README.</summary>
    private static string ReadmeBlockAfter(string heading)
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("```csharp\n", readme.IndexOf(heading, StringComparison.Ordinal), StringComparison.Ordinal) + "```csharp\n".Length;
        return readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static string Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in 5 minutes.");
        }

        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed:\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }

    /// <summary>A project that references the packed library by version, as a consumer's would.</summary>
    private static string ConsumerProject(string sdk, string version, string extraProperties) => $"""
        <Project Sdk="{sdk}">
          <PropertyGroup>
            {extraProperties}
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <NoWarn>NU1603</NoWarn>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="ScamScriptClassifier" Version="{version}" />
          </ItemGroup>
        </Project>
        """;
}
