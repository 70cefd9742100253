namespace Digest.Core.Storage.Reading;

/// <summary>A paper's place in one digest, with the entries just before and after it.</summary>
public sealed record Neighbours(Appearance Here, int Count, NeighbourEntry? Previous, NeighbourEntry? Next);

/// <summary>An entry next to another one in its digest: enough to link to it.</summary>
public sealed record NeighbourEntry(string Key, int Rank, string Title);
