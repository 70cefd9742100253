using System.Globalization;
using Dapper;
using Digest.Core.Storage;

namespace Digest.Web.Api;

/// <summary>When the imported data last changed (<c>data_version.changed_at</c>): the Last-Modified of feeds and exports.</summary>
public sealed class DataChange(Database database)
{
    /// <summary>The time of the last import that changed something, truncated to whole seconds as HTTP dates are.</summary>
    public DateTimeOffset LastModified()
    {
        using var connection = database.Open();
        var text = connection.ExecuteScalar<string?>("SELECT changed_at FROM data_version WHERE id = 1");
        var changed = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : DateTimeOffset.UnixEpoch;
        return new DateTimeOffset(changed.Ticks - (changed.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
