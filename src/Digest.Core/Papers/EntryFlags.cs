namespace Digest.Core.Papers;

/// <summary>Flags an entry can carry in the export and on the pages.</summary>
public static class EntryFlags
{
    public const string TranslationFailed = "translation_failed";
    public const string NoLink = "no_link";
    public const string TitleNote = "title_note";
    public const string Multiline = "multiline";
    public const string EmptyTitle = "empty_title";
}
