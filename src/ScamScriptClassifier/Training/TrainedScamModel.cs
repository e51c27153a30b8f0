using ScamScriptClassifier.Scoring;

namespace ScamScriptClassifier;

/// <summary>A model fresh from <see cref="ScamModelTrainer"/>: ready to score, with its held-out evaluation, and ready to save.</summary>
public sealed class TrainedScamModel
{
    private readonly byte[] _file;

    internal TrainedScamModel(byte[] file, ScamClassifier classifier, EvaluationReport? heldOut)
    {
        _file = file;
        Classifier = classifier;
        HeldOut = heldOut;
    }

    /// <summary>The classifier, loaded from exactly the bytes <see cref="Save(string)"/> writes.</summary>
    public ScamClassifier Classifier { get; }

    /// <summary>The model's manifest.</summary>
    public ScamModelManifest Manifest => Classifier.Manifest;

    /// <summary>The evaluation on the held-out split; null when nothing was held out.</summary>
    public EvaluationReport? HeldOut { get; }

    /// <summary>Writes the model file atomically (a temporary file, then a rename).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ScamModelFile.WriteAtomically(_file, path);
    }

    /// <summary>Writes the model file to <paramref name="destination"/>.</summary>
    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(_file);
    }
}
