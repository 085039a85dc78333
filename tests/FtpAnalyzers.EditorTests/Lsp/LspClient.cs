using System;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace FtpAnalyzers.EditorTests.Lsp;

/// <summary>
/// The client side of a JSON-RPC 2.0 connection, as an editor holds it: requests are matched to
/// their responses by id, the server's own requests are answered by <see cref="ServerRequestHandler"/>,
/// and its notifications are passed to <see cref="NotificationHandler"/>.
/// </summary>
public sealed class LspClient : IAsyncDisposable
{
    /// <summary>Returns the result to send back for a request the server makes of the client.</summary>
    public delegate JsonNode? ServerRequestHandler(string method, JsonNode? parameters);

    public delegate void NotificationHandler(string method, JsonNode? parameters);

    private readonly MessageFraming _framing;
    private readonly ServerRequestHandler _onServerRequest;
    private readonly NotificationHandler _onNotification;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _readLoop;
    private long _nextId;
    private Exception? _readFailure;

    public LspClient(MessageFraming framing, ServerRequestHandler onServerRequest, NotificationHandler onNotification)
    {
        _framing = framing;
        _onServerRequest = onServerRequest;
        _onNotification = onNotification;
        _readLoop = Task.Run(ReadLoopAsync);
    }

    /// <summary>Sends a request and waits for its result; throws on an error response, on timeout, or when the connection ends.</summary>
    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var response = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = response;
        if (_readFailure is not null)
            response.TrySetException(ConnectionEnded());
        try
        {
            await _framing.WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }, _stop.Token);
            return await response.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No response to {method} within {timeout.TotalSeconds:0} s");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public Task NotifyAsync(string method, JsonNode? parameters)
        => _framing.WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters }, _stop.Token);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            await _readLoop.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
            // The loop ends with the server's output; its fate no longer matters.
        }
        _stop.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (await _framing.ReadAsync(_stop.Token) is { } message)
                await DispatchAsync(message);
            _readFailure = new System.IO.EndOfStreamException("The server closed its output");
        }
        catch (Exception exception)
        {
            _readFailure = exception;
        }
        foreach (var pending in _pending.Values)
            pending.TrySetException(ConnectionEnded());
    }

    private async Task DispatchAsync(JsonNode message)
    {
        var method = (string?)message["method"];
        var id = message["id"];
        if (method is not null && id is not null)
        {
            // A request from the server: every one gets an answer, or the server may wait forever.
            JsonObject reply;
            try
            {
                reply = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = _onServerRequest(method, message["params"]) };
            }
            catch (Exception exception)
            {
                reply = new JsonObject
                {
                    ["jsonrpc"] = "2.0",
                    ["id"] = id.DeepClone(),
                    ["error"] = new JsonObject { ["code"] = -32603, ["message"] = exception.Message },
                };
            }
            await _framing.WriteAsync(reply, _stop.Token);
        }
        else if (method is not null)
        {
            _onNotification(method, message["params"]);
        }
        else if (id is JsonValue value && value.TryGetValue<long>(out var number) && _pending.TryGetValue(number, out var response))
        {
            if (message["error"] is { } error)
                response.TrySetException(new InvalidOperationException($"The server answered with an error: {error.ToJsonString()}"));
            else
                response.TrySetResult(message["result"]);
        }
    }

    private InvalidOperationException ConnectionEnded() => new("The connection to the language server ended", _readFailure);
}
