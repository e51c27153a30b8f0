namespace ScamScriptClassifier.Tests.Support;

/// <summary>A fresh directory for one test class, deleted with everything in it afterwards.</summary>
public abstract class TemporaryDirectory : IDisposable
{
    protected TemporaryDirectory(string prefix) =>
        Folder = Directory.CreateTempSubdirectory($"scamscript-{prefix}-").FullName;

    protected string Folder { get; }

    protected string PathOf(params string[] names) => Path.Combine([Folder, .. names]);

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
