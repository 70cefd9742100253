namespace Digest.Web.Rendering;

/// <summary>What a bookmark star would mark: a day (yyyy-MM-dd or yyyy-MM-dd/source) or a paper key.</summary>
public sealed record BookmarkSlot(string Kind, string Target);
