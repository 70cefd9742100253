using Digest.Core.Papers;

namespace Digest.Core.Import;

/// <summary>
/// Flags the parser sets beyond <see cref="EntryFlags"/>, named as the corpus' reference parser names them.
/// </summary>
internal static class ParserFlags
{
    public const string EmptyAuthors = "empty_authors";
    public const string EmptyAbstract = "empty_abstract";
    public const string EscapedPipe = "escaped_pipe";
    public const string ExtraCellsMerged = "extra_cells_merged";

    /// <summary>The title cell opened with an LLM preamble; the title is the line after it.</summary>
    public const string TitlePreamble = "title_preamble";
}
