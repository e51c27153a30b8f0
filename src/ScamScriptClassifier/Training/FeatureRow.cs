using Microsoft.ML;
using Microsoft.ML.Data;
using ScamScriptClassifier.Features;

namespace ScamScriptClassifier.Training;

/// <summary>
/// The ML.NET schema of a training row: the featuriser's vector and one label per head. ML.NET reads a column per
/// property, so each pattern's label is a bool property named by its <see cref="PatternDescriptor.LabelColumn"/>
/// (checked when the type is first used); everything else comes from <see cref="PatternTable"/>.
/// </summary>
internal sealed class FeatureRow
{
    public const string FeaturesColumn = "Features";

    /// <summary>The label column of each head, in head order (scam first, then <see cref="ScamPattern"/> order).</summary>
    public static readonly string[] LabelColumns = ["Label", .. PatternTable.All.Select(row => row.LabelColumn)];

    /// <summary>The column each head's calibrated probability is copied to, in head order.</summary>
    public static readonly string[] ProbabilityColumns = ["ScamProbability", .. PatternTable.All.Select(row => row.ProbabilityColumn)];

    /// <summary>Each pattern's label setter, in <see cref="ScamPattern"/> order.</summary>
    private static readonly Action<FeatureRow, bool>[] PatternLabels = [.. PatternTable.All.Select(row => LabelSetter(row.LabelColumn))];

    public bool Label { get; set; }

    public bool Impersonation { get; set; }

    public bool AntiStateThreat { get; set; }

    public bool SubscriptionRevocation { get; set; }

    public bool MoneyTransfer { get; set; }

    public VBuffer<float> Features { get; set; }

    public static FeatureRow From(LabeledMessage item, VBuffer<float> features)
    {
        var row = new FeatureRow { Label = item.IsScam, Features = features };
        foreach (var pattern in item.Patterns)
        {
            PatternLabels[(int)pattern](row, true);
        }

        return row;
    }

    public static IDataView Load(MLContext ml, IEnumerable<FeatureRow> rows)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[FeaturesColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, FeatureSpace.Dimension);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    private static Action<FeatureRow, bool> LabelSetter(string column) =>
        typeof(FeatureRow).GetProperty(column) is { PropertyType: var type, SetMethod: { } setter } && type == typeof(bool)
            ? setter.CreateDelegate<Action<FeatureRow, bool>>()
            : throw new InvalidOperationException($"{nameof(FeatureRow)} has no bool property {column} for the label column of a pattern.");
}
