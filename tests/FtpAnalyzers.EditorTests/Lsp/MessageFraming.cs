using System;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace FtpAnalyzers.EditorTests.Lsp;

/// <summary>
/// LSP's base protocol: each JSON-RPC message is a UTF-8 body preceded by a
/// <c>Content-Length: N</c> header and an empty line (headers end with <c>\r\n\r\n</c>).
/// </summary>
public sealed class MessageFraming(Stream input, Stream output)
{
    private const int MaxHeaderBytes = 4096;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>Writes one message; safe to call from several threads.</summary>
    public async Task WriteAsync(JsonNode message, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await output.WriteAsync(header, cancellationToken);
            await output.WriteAsync(body, cancellationToken);
            await output.FlushAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Reads one message, or returns null when the stream ends between messages.</summary>
    public async Task<JsonNode?> ReadAsync(CancellationToken cancellationToken)
    {
        var header = await ReadHeaderAsync(cancellationToken);
        if (header is null)
            return null;

        int? length = null;
        foreach (var line in header.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                length = int.Parse(line[(colon + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        if (length is null)
            throw new InvalidDataException($"LSP message without Content-Length: \"{header}\"");

        var body = new byte[length.Value];
        await input.ReadExactlyAsync(body, cancellationToken);
        return JsonNode.Parse(body) ?? throw new InvalidDataException("LSP message body is JSON null");
    }

    private async Task<string?> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var bytes = new byte[MaxHeaderBytes];
        var count = 0;
        var one = new byte[1];
        while (true)
        {
            if (await input.ReadAsync(one, cancellationToken) == 0)
                return count == 0 ? null : throw new EndOfStreamException("The stream ended inside an LSP header");
            if (count == bytes.Length)
                throw new InvalidDataException("LSP header longer than " + MaxHeaderBytes + " bytes");
            bytes[count++] = one[0];
            if (count >= 4 && bytes[count - 4] == '\r' && bytes[count - 3] == '\n' && bytes[count - 2] == '\r' && bytes[count - 1] == '\n')
                return Encoding.ASCII.GetString(bytes, 0, count - 4);
        }
    }
}
