using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScamScriptClassifier.Tests.Support;

namespace ScamScriptClassifier.Tests.DependencyInjection;

[Collection(TrainedModelCollection.Name)]
public sealed class ServiceCollectionTests(TrainedModelFixture fixture) : TemporaryDirectory("di")
{
    [Fact]
    public void AddScamScriptClassifier_NoConfiguration_ResolvesOneSharedClassifierWithTheDefaultModel()
    {
        using var provider = new ServiceCollection().AddScamScriptClassifier().BuildServiceProvider();

        var first = provider.GetRequiredService<IScamClassifier>();

        Assert.Same(first, provider.GetRequiredService<IScamClassifier>());
        Assert.Equal(ScamClassifier.LoadDefault().Manifest, ((ScamClassifier)first).Manifest);
        Assert.True(first.Score(Some.ScamScript).IsScam);
    }

    [Fact]
    public void AddScamScriptClassifier_ModelPathAndThreshold_AreUsed()
    {
        var path = PathOf("model.zip");
        fixture.Model.Save(path);
        using var provider = new ServiceCollection()
            .AddScamScriptClassifier(o => { o.ModelPath = path; o.Threshold = 0.9f; })
            .BuildServiceProvider();

        var classifier = (ScamClassifier)provider.GetRequiredService<IScamClassifier>();

        Assert.Equal(fixture.Classifier.Manifest, classifier.Manifest);
        Assert.Equal(0.9f, classifier.Threshold);
    }

    [Fact]
    public void AddScamScriptClassifier_FromConfiguration_BindsTheSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ScamScriptClassifier:Profile"] = "HighPrecision",
            ["ScamScriptClassifier:MaxInputLength"] = "5000",
        }).Build();
        using var provider = new ServiceCollection()
            .AddScamScriptClassifier(configuration.GetSection(ScamClassifierOptions.SectionName))
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ScamClassifierOptions>>().Value;
        var classifier = (ScamClassifier)provider.GetRequiredService<IScamClassifier>();

        Assert.Equal((ScamThresholdProfile.HighPrecision, 5000), (options.Profile, options.MaxInputLength));
        Assert.Equal(classifier.Manifest.Profiles!.HighPrecision, classifier.Threshold);
    }

    [Fact]
    public void AddScamScriptClassifier_InvalidOptions_FailAtStartUpNamingEveryProblem()
    {
        using var provider = new ServiceCollection()
            .AddScamScriptClassifier(o => { o.Threshold = 1.5f; o.MaxInputLength = 0; o.ModelPath = "/nowhere/model.zip"; })
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains("Threshold", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MaxInputLength", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("/nowhere/model.zip", StringComparison.Ordinal));
    }

    [Fact]
    public void AddScamScriptClassifier_Type_LivesInTheDependencyInjectionNamespace()
    {
        Assert.Equal("Microsoft.Extensions.DependencyInjection", typeof(ScamScriptClassifierServiceCollectionExtensions).Namespace);
    }

    [Fact]
    public void AddScamScriptClassifier_DamagedModelFile_FailsAtStartUpNamingTheFile()
    {
        var path = PathOf("damaged.zip");
        File.WriteAllText(path, "not a model");
        using var provider = new ServiceCollection().AddScamScriptClassifier(o => o.ModelPath = path).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains(path, StringComparison.Ordinal) && f.StartsWith("ModelPath", StringComparison.Ordinal));
    }

    [Fact]
    public void AddScamScriptClassifier_ValidModel_IsLoadedAtStartUpAndReused()
    {
        var path = PathOf("startup.zip");
        fixture.Model.Save(path);
        using var provider = new ServiceCollection().AddScamScriptClassifier(o => o.ModelPath = path).BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        File.WriteAllText(path, "overwritten after start-up");
        var classifier = (ScamClassifier)provider.GetRequiredService<IScamClassifier>();

        Assert.Equal(fixture.Classifier.Manifest, classifier.Manifest);
    }

    [Fact]
    public async Task AddScamScriptClassifier_DamagedModelFileInAHost_StopsTheHostNamingTheFile()
    {
        var path = PathOf("host-damaged.zip");
        fixture.Model.Save(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddScamScriptClassifier(o => o.ModelPath = path);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddScamScriptClassifier_InAHost_StartsWithTheModelLoaded()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddScamScriptClassifier();
        using var host = builder.Build();

        await host.StartAsync();
        var classifier = host.Services.GetRequiredService<IScamClassifier>();
        await host.StopAsync();

        Assert.True(classifier.Score(Some.ScamScript).IsScam);
    }

    [Fact]
    public void AddScamScriptClassifier_Logging_NeverWritesMessageText()
    {
        var sink = new CapturingLoggerProvider();
        using var provider = new ServiceCollection()
            .AddLogging(builder => builder.AddProvider(sink).SetMinimumLevel(LogLevel.Trace))
            .AddScamScriptClassifier(o => o.MaxInputLength = 200)
            .BuildServiceProvider();
        var classifier = provider.GetRequiredService<IScamClassifier>();

        classifier.ScoreBatch([Some.ScamScript, Some.Everyday]);
        var call = classifier.StartCall();
        call.Append(Some.ScamScript[..150]);
        call.Append(Some.SubscriptionScam[..100]);

        Assert.NotEmpty(sink.Messages);
        Assert.DoesNotContain(sink.Messages, m => m.Contains("Giám đốc", StringComparison.Ordinal) || m.Contains("thuê bao", StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider, ILogger
    {
        public List<string> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Messages)
            {
                Messages.Add(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
