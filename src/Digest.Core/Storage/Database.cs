using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Digest.Core.Storage;

/// <summary>
/// Opens the SQLite file with the pragmas every connection needs and brings its schema up to date from the
/// embedded <c>Migrations/*.sql</c> scripts, tracked by <c>PRAGMA user_version</c>.
/// </summary>
public sealed class Database(string path)
{
    private static readonly Lazy<IReadOnlyList<(int Version, string Sql)>> Migrations = new(LoadMigrations);
    private static readonly List<Action<SqliteConnection>> ConnectionSetups = [];
    private static readonly List<Action<SqliteConnection>> MigratedConnectionSetups = [];
    private int _migrated;

    /// <summary>SQLite's own page cache size, in KiB: what a connection that borrowed a bigger one hands back to the pool.</summary>
    internal const int DefaultCacheKib = 2000;

    /// <summary>
    /// Turns off SQLite's memory statistics before its first use. Kept on, every allocation SQLite makes takes one
    /// process-wide mutex, and the importer and the search indexer, each writing its own file on its own thread,
    /// spent much of an import waiting for each other on it (a million-row import with the index: 10,800 → 12,300
    /// rows/s). Nothing here reads those statistics. Once SQLite has started, the call changes nothing and fails
    /// harmlessly (SQLITE_MISUSE).
    /// </summary>
    static Database()
    {
        SQLitePCL.Batteries_V2.Init();
        _ = SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>
    /// Registers something every new connection needs, such as a SQL function that triggers call. Features
    /// register theirs once, from a static constructor or at start-up.
    /// </summary>
    /// <param name="afterMigrations">Run it once the schema is current (it needs the tables), not before.</param>
    public static void OnEveryConnection(Action<SqliteConnection> setup, bool afterMigrations = false)
    {
        lock (ConnectionSetups)
        {
            (afterMigrations ? MigratedConnectionSetups : ConnectionSetups).Add(setup);
        }
    }

    /// <summary>An open connection, migrated on first use. The caller disposes it.</summary>
    public SqliteConnection Open()
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA temp_store=MEMORY;");
        lock (ConnectionSetups)
        {
            foreach (var setup in ConnectionSetups)
            {
                setup(connection);
            }
        }

        if (Volatile.Read(ref _migrated) == 0)
        {
            Migrate(connection);
            Volatile.Write(ref _migrated, 1);
        }

        lock (ConnectionSetups)
        {
            foreach (var setup in MigratedConnectionSetups)
            {
                setup(connection);
            }
        }

        return connection;
    }

    /// <summary>The schema version the file is at.</summary>
    public static int SchemaVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar());
    }

    public static int LatestSchemaVersion => Migrations.Value.Count == 0 ? 0 : Migrations.Value[^1].Version;

    private static void Migrate(SqliteConnection connection)
    {
        var current = SchemaVersion(connection);
        foreach (var (version, sql) in Migrations.Value.Where(m => m.Version > current))
        {
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = sql + $"\nPRAGMA user_version = {version};";
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static IReadOnlyList<(int Version, string Sql)> LoadMigrations()
    {
        var assembly = typeof(Database).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".sql", StringComparison.Ordinal) && name.Contains(".Migrations.", StringComparison.Ordinal))
            .Select(name => (Version: ParseVersion(name), Sql: ReadResource(assembly, name)))
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static int ParseVersion(string resourceName)
    {
        var fileName = resourceName[(resourceName.IndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..];
        var digits = new string(fileName.TrimStart('_').TakeWhile(char.IsDigit).ToArray());
        return int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
