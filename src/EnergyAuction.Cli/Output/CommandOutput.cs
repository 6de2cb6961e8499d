using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EnergyAuction.Cli.Output;

/// <summary>
/// Where a command writes its result: JSON (--json) or a readable table. A command builds its whole
/// output first and writes it in one go, so an error never leaves a partial result on stdout. JSON is written for
/// scripts, not HTML, so characters such as '>' are not escaped.
/// </summary>
public sealed class CommandOutput(TextWriter writer, bool json)
{
    public bool Json { get; } = json;

    /// <summary>Writes one JSON document built by <paramref name="write"/>, followed by a newline.</summary>
    public void WriteJson(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var jsonWriter = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(jsonWriter);
        writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>A command's single result: one JSON object of <paramref name="fields"/> under --json, else <paramref name="text"/>.</summary>
    public void WriteResult(string text, Action<Utf8JsonWriter> fields)
    {
        if (!Json)
        {
            WriteLine(text);
            return;
        }

        WriteJson(json =>
        {
            json.WriteStartObject();
            fields(json);
            json.WriteEndObject();
        });
    }

    public void WriteTable(Table table) => writer.Write(table.Render());

    public void WriteLine(string text) => writer.WriteLine(text);
}
