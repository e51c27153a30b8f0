using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScamScriptClassifier;

// In the namespace of IServiceCollection, as Microsoft.Extensions.*, OpenTelemetry and Polly do, so that
// builder.Services.AddScamScriptClassifier() needs no using directive.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IScamClassifier"/> in a service collection.</summary>
public static class ScamScriptClassifierServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IScamClassifier"/> as a singleton (it is thread-safe), with options validated at
    /// start-up. Without <paramref name="configure"/>, the embedded default model at its balanced threshold.
    /// </summary>
    /// <remarks>
    /// The model is loaded and verified when the host starts (<c>ValidateOnStart</c>): invalid options, a missing
    /// model file or a damaged one stop the host with an <see cref="OptionsValidationException"/> whose message names
    /// the file. The classifier loaded then is the one every later resolution returns.
    /// </remarks>
    public static IServiceCollection AddScamScriptClassifier(this IServiceCollection services, Action<ScamClassifierOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ScamClassifierOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddSingleton<ScamClassifierLoader>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScamClassifierOptions>, ScamClassifierOptionsValidator>());
        services.TryAddSingleton<IScamClassifier>(provider =>
        {
            // Reading the options validates them, which loads the model (once) unless start-up already did.
            var validated = provider.GetRequiredService<IOptions<ScamClassifierOptions>>().Value;
            return provider.GetRequiredService<ScamClassifierLoader>().Load(validated);
        });
        return services;
    }

    /// <summary>
    /// Registers <see cref="IScamClassifier"/> with options bound from <paramref name="configuration"/> (for example
    /// <c>configuration.GetSection("ScamScriptClassifier")</c>: <c>ModelPath</c>, <c>Threshold</c>, <c>Profile</c>,
    /// <c>MaxInputLength</c>, <c>LogMessageText</c>).
    /// </summary>
    public static IServiceCollection AddScamScriptClassifier(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ScamClassifierOptions>().Bind(configuration);
        return services.AddScamScriptClassifier();
    }

    /// <summary>Loads the classifier once, for the start-up validation and the <see cref="IScamClassifier"/> registration alike.</summary>
    private sealed class ScamClassifierLoader(IServiceProvider provider)
    {
        private readonly Lock _gate = new();
        private ScamClassifier? _classifier;

        public ScamClassifier Load(ScamClassifierOptions options)
        {
            lock (_gate)
            {
                return _classifier ??= ScamClassifier.Create(options, provider.GetService<ILoggerFactory>());
            }
        }
    }

    private sealed class ScamClassifierOptionsValidator(ScamClassifierLoader loader) : IValidateOptions<ScamClassifierOptions>
    {
        public ValidateOptionsResult Validate(string? name, ScamClassifierOptions options)
        {
            var problems = options.Validate();
            if (problems.Count > 0)
            {
                return ValidateOptionsResult.Fail(problems);
            }

            // Only the default (unnamed) options configure the registered classifier.
            if (!string.IsNullOrEmpty(name))
            {
                return ValidateOptionsResult.Success;
            }

            try
            {
                loader.Load(options);
                return ValidateOptionsResult.Success;
            }
            catch (ScamModelException ex)
            {
                return ValidateOptionsResult.Fail($"{nameof(ScamClassifierOptions.ModelPath)}: {ex.Message}");
            }
        }
    }
}
