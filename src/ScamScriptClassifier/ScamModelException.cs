namespace ScamScriptClassifier;

/// <summary>A model file could not be used: missing, damaged, tampered with, or of another format or schema.</summary>
public sealed class ScamModelException : Exception
{
    /// <summary>Creates the exception with a message that names the file and the reason.</summary>
    public ScamModelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public ScamModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public ScamModelException()
    {
    }
}
