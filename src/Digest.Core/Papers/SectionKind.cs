namespace Digest.Core.Papers;

/// <summary>
/// Where a digest section came from. When two files hold the same (date, source) digest, the higher kind wins:
/// a per-source day page is the original, a combined day page repeats it, and an accumulated legacy file stacks
/// many days (sometimes the same day several times, newest first).
/// </summary>
public enum SectionKind
{
    Accumulated = 1,
    Combined = 2,
    PerSource = 3,
}
