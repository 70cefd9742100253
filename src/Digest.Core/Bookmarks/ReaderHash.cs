using System.Security.Cryptography;
using System.Text;

namespace Digest.Core.Bookmarks;

/// <summary>
/// The SHA-256 (lower-case hex) of a reader's cookie value: the only form of a reader the database holds. Only
/// <see cref="ReaderId"/> and the stores make one, so a value from a request can never pose as a hash.
/// </summary>
public sealed record ReaderHash
{
    private ReaderHash(string value) => Value = value;

    public string Value { get; }

    internal static ReaderHash Of(string cookieValue) =>
        new(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(cookieValue))));

    /// <summary>A hash read back from the database, such as the maker of a transfer code.</summary>
    internal static ReaderHash FromStored(string value) => new(value);

    /// <summary>A short prefix, enough to tell readers apart in a log.</summary>
    public override string ToString() => Value[..12];
}
