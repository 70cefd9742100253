namespace Digest.Core.Papers;

/// <summary>Something in a file that could not be read, located precisely so that a person can fix it.</summary>
public sealed record ImportProblem(string File, int Line, string Message, string? RawText = null)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
