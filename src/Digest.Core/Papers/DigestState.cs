namespace Digest.Core.Papers;

/// <summary>What a digest said about its day.</summary>
public enum DigestState
{
    /// <summary>A table with at least one paper.</summary>
    Papers,

    /// <summary>"当天没有抓取到有效论文。" or a header-only table.</summary>
    NoPapers,

    /// <summary>"抓取失败：…": the generator could not fetch the source that day.</summary>
    FetchFailed,
}
