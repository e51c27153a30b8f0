using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ScamScriptClassifier;

/// <summary>Registers <see cref="IScamClassifier"/> in a service collection.</summary>
public static class ScamScriptClassifierServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IScamClassifier"/> as a singleton (it is thread-safe), with options validated at
    /// start-up. Without <paramref name="configure"/>, the embedded default model at its balanced threshold.
    /// </summary>
    public static IServiceCollection AddScamScriptClassifier(this IServiceCollection services, Action<ScamClassifierOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ScamClassifierOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScamClassifierOptions>, ScamClassifierOptionsValidator>());
        services.TryAddSingleton<IScamClassifier>(provider => ScamClassifier.Create(
            provider.GetRequiredService<IOptions<ScamClassifierOptions>>().Value,
            provider.GetService<ILoggerFactory>()));
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

    private sealed class ScamClassifierOptionsValidator : IValidateOptions<ScamClassifierOptions>
    {
        public ValidateOptionsResult Validate(string? name, ScamClassifierOptions options)
        {
            var problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
