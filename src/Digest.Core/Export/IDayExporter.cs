namespace Digest.Core.Export;

/// <summary>Writes a <see cref="DayExport"/> in one format. Implementations are stateless and thread-safe.</summary>
public interface IDayExporter
{
    void Write(DayExport day, Stream output);
}
