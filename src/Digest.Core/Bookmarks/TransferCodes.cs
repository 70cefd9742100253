using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Digest.Core.Storage;

namespace Digest.Core.Bookmarks;

/// <summary>
/// One-time codes that copy a reader's bookmarks to another browser. A code is 16 characters from an alphabet
/// without look-alikes (about 79 bits), shown as four groups; only its SHA-256 is stored, with the maker's
/// reader hash and an expiry <see cref="Lifetime"/> after creation.
/// <para>
/// Redeeming merges a snapshot of the maker's bookmarks into the redeeming reader (kept times, the 10,000 limit
/// respected), and both browsers stay separate readers afterwards. The redeeming browser does not adopt the
/// maker's id: the server never holds raw ids, and a shared id would let one leaked code reach the other
/// browser's bookmarks for ever. A code is deleted as it is read, in one statement, so it works once.
/// </para>
/// </summary>
public sealed class TransferCodes(Database database, TransferRateLimits limits, TimeProvider clock)
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int CodeLength = 16;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>A new code for the reader, or a refusal when the reader has made too many this hour.</summary>
    public TransferCodeIssue Create(ReaderHash reader)
    {
        if (!limits.TryCreate(reader))
        {
            return new TransferCodeIssue(TransferCodeIssueStatus.RateLimited, null, limits.CreationRetryAt(reader));
        }

        var code = RandomNumberGenerator.GetString(Alphabet, CodeLength);
        var now = clock.GetUtcNow();
        var expiresAt = now + Lifetime;
        using var connection = database.Open();
        // Deferred, and the first statement writes: see BookmarkStore.Toggle.
        using var transaction = connection.BeginTransaction(deferred: true);
        connection.Execute("DELETE FROM transfer_code WHERE expires_at <= $now", new { now = BookmarkStore.FormatTime(now) }, transaction);
        connection.Execute(
            "INSERT INTO transfer_code (code_hash, reader, created_at, expires_at) VALUES ($hash, $reader, $createdAt, $expiresAt)",
            new { hash = Hash(code), reader = reader.Value, createdAt = BookmarkStore.FormatTime(now), expiresAt = BookmarkStore.FormatTime(expiresAt) },
            transaction);
        transaction.Commit();
        return new TransferCodeIssue(TransferCodeIssueStatus.Created, Display(code), expiresAt);
    }

    /// <summary>
    /// Uses up a code and merges its maker's bookmarks into <paramref name="redeemer"/>. <paramref name="client"/>
    /// names the caller for rate limiting (the remote IP). A blocked caller is refused before the code is looked
    /// at, so a good code survives a refused attempt.
    /// </summary>
    public TransferRedemption Redeem(string? code, ReaderHash redeemer, string client)
    {
        if (limits.IsRedemptionBlocked(client, redeemer))
        {
            return TransferRedemption.Refused(TransferRedemptionStatus.RateLimited);
        }

        var normalised = Normalise(code);
        if (normalised is null)
        {
            limits.RecordFailedRedemption(client, redeemer);
            return TransferRedemption.Refused(TransferRedemptionStatus.Invalid);
        }

        var now = clock.GetUtcNow();
        using var connection = database.Open();
        // Deferred, and the first statement writes: see BookmarkStore.Toggle.
        using var transaction = connection.BeginTransaction(deferred: true);
        var claimed = connection.QuerySingleOrDefault<(string Reader, string ExpiresAt)?>(
            "DELETE FROM transfer_code WHERE code_hash = $hash RETURNING reader, expires_at", new { hash = Hash(normalised) }, transaction);
        if (claimed is not { } found || Parse(found.ExpiresAt) <= now)
        {
            transaction.Commit();
            limits.RecordFailedRedemption(client, redeemer);
            return TransferRedemption.Refused(claimed is null ? TransferRedemptionStatus.Invalid : TransferRedemptionStatus.Expired);
        }

        var result = Merge(connection, transaction, ReaderHash.FromStored(found.Reader), redeemer);
        transaction.Commit();
        return result;
    }

    /// <summary>The code as typed or linked, upper-cased without dashes and spaces; null if it cannot be a code.</summary>
    public static string? Normalise(string? code)
    {
        if (code is null || code.Length > CodeLength * 2)
        {
            return null;
        }

        var plain = string.Concat(code.Where(c => c is not ('-' or ' '))).ToUpperInvariant();
        return plain.Length == CodeLength && plain.All(Alphabet.Contains) ? plain : null;
    }

    private static TransferRedemption Merge(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, ReaderHash maker, ReaderHash redeemer)
    {
        var offered = connection.ExecuteScalar<int>("SELECT COUNT(*) FROM bookmark WHERE reader = $maker", new { maker = maker.Value }, transaction);
        var room = Math.Max(0, BookmarkStore.MaxPerReader - BookmarkStore.CountInside(connection, transaction, redeemer));
        var fresh = connection.ExecuteScalar<int>("""
            SELECT COUNT(*) FROM bookmark AS s
            WHERE s.reader = $maker
              AND NOT EXISTS (SELECT 1 FROM bookmark AS d WHERE d.reader = $redeemer AND d.kind = s.kind AND d.target = s.target)
            """, new { maker = maker.Value, redeemer = redeemer.Value }, transaction);
        var added = connection.Execute("""
            INSERT INTO bookmark (reader, kind, target, created_at)
            SELECT $redeemer, s.kind, s.target, s.created_at FROM bookmark AS s
            WHERE s.reader = $maker
              AND NOT EXISTS (SELECT 1 FROM bookmark AS d WHERE d.reader = $redeemer AND d.kind = s.kind AND d.target = s.target)
            ORDER BY s.created_at DESC
            LIMIT $room
            """, new { maker = maker.Value, redeemer = redeemer.Value, room }, transaction);
        return new TransferRedemption(TransferRedemptionStatus.Merged, added, offered - fresh, fresh - added);
    }

    private static string Hash(string normalisedCode) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normalisedCode)));

    private static string Display(string code) =>
        string.Join('-', Enumerable.Range(0, CodeLength / 4).Select(i => code.Substring(i * 4, 4)));

    private static DateTimeOffset Parse(string time) =>
        DateTimeOffset.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}

public enum TransferCodeIssueStatus
{
    Created,

    /// <summary>Too many codes this hour; <see cref="TransferCodeIssue.ExpiresAt"/> says when to retry.</summary>
    RateLimited,
}

/// <summary>A new code, shown as <c>ABCD-EFGH-JKMN-PQRS</c>, and when it expires (or, when refused, when to retry).</summary>
public sealed record TransferCodeIssue(TransferCodeIssueStatus Status, string? Code, DateTimeOffset ExpiresAt);

public enum TransferRedemptionStatus
{
    /// <summary>The code was good; the maker's bookmarks were merged.</summary>
    Merged,

    /// <summary>No such code, a malformed one, or one already used. Nothing changed.</summary>
    Invalid,

    /// <summary>The code was past its 15 minutes; it is gone now. Nothing changed.</summary>
    Expired,

    /// <summary>Too many failed redemptions from this client or reader lately; the code was not looked at.</summary>
    RateLimited,
}

/// <summary>What a redemption did: bookmarks added, ones the redeemer had already, and ones past the limit.</summary>
public sealed record TransferRedemption(TransferRedemptionStatus Status, int Added, int AlreadyThere, int OverLimit)
{
    internal static TransferRedemption Refused(TransferRedemptionStatus status) => new(status, 0, 0, 0);
}
