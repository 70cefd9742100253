using System.Security.Cryptography;

namespace Digest.Core.Bookmarks;

/// <summary>
/// A reader without an account: 128 random bits, written as 32 lower-case hex digits in a cookie. Only its
/// <see cref="Hash"/> ever reaches the database, so a copy of the database cannot be used to act as a reader.
/// </summary>
public sealed class ReaderId
{
    /// <summary>The cookie that carries the id. The web layer sets it HttpOnly, SameSite=Lax, Secure under HTTPS.</summary>
    public const string CookieName = "digest_reader";

    /// <summary>How long the cookie lives; the web layer renews it on every bookmark write.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    private const int Bytes = 16;
    private const int Length = Bytes * 2;

    private ReaderId(string cookieValue)
    {
        CookieValue = cookieValue;
        Hash = ReaderHash.Of(cookieValue);
    }

    /// <summary>The secret to put in the cookie. Never log it and never store it.</summary>
    public string CookieValue { get; }

    /// <summary>What the database knows the reader by.</summary>
    public ReaderHash Hash { get; }

    public static ReaderId Create() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Bytes)));

    /// <summary>
    /// The reader a cookie names, or null for anything that is not exactly 32 lower-case hex digits: a missing,
    /// truncated, padded or edited cookie is treated as no reader at all.
    /// </summary>
    public static ReaderId? Parse(string? cookieValue)
    {
        if (cookieValue is null || cookieValue.Length != Length)
        {
            return null;
        }

        foreach (var c in cookieValue)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return null;
            }
        }

        return new ReaderId(cookieValue);
    }

    /// <summary>Redacted, so that a reader id written to a log by accident gives nothing away.</summary>
    public override string ToString() => $"reader {Hash}";
}
