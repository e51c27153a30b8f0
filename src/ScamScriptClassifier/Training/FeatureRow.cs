using Microsoft.ML;
using Microsoft.ML.Data;
using ScamScriptClassifier.Features;

namespace ScamScriptClassifier.Training;

/// <summary>The ML.NET schema of a training row: the featuriser's vector and one label per head.</summary>
internal sealed class FeatureRow
{
    public const string FeaturesColumn = "Features";

    /// <summary>The label column of each head, in head order (scam first, then <see cref="ScamPattern"/> order).</summary>
    public static readonly string[] LabelColumns = ["Label", "Impersonation", "AntiStateThreat", "SubscriptionRevocation", "MoneyTransfer"];

    /// <summary>The column each head's calibrated probability is copied to, in head order.</summary>
    public static readonly string[] ProbabilityColumns = ["ScamProbability", "ImpersonationProbability", "AntiStateThreatProbability", "SubscriptionRevocationProbability", "MoneyTransferProbability"];

    public bool Label { get; set; }

    public bool Impersonation { get; set; }

    public bool AntiStateThreat { get; set; }

    public bool SubscriptionRevocation { get; set; }

    public bool MoneyTransfer { get; set; }

    public VBuffer<float> Features { get; set; }

    public static FeatureRow From(LabeledMessage item, VBuffer<float> features) => new()
    {
        Label = item.IsScam,
        Impersonation = item.Patterns.Contains(ScamPattern.Impersonation),
        AntiStateThreat = item.Patterns.Contains(ScamPattern.AntiStateThreat),
        SubscriptionRevocation = item.Patterns.Contains(ScamPattern.SubscriptionRevocation),
        MoneyTransfer = item.Patterns.Contains(ScamPattern.MoneyTransfer),
        Features = features,
    };

    public static IDataView Load(MLContext ml, IEnumerable<FeatureRow> rows)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[FeaturesColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, FeatureSpace.Dimension);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }
}
