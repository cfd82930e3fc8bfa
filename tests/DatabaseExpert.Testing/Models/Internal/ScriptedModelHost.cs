using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DatabaseExpert.Testing.Models.Internal;

/// <summary>
/// The provider-neutral part of a scripted model server: Kestrel on 127.0.0.1, the step queue, the request
/// recording, and the answers that look the same in every protocol (errors, hangs).
/// </summary>
internal sealed class ScriptedModelHost : IAsyncDisposable
{
    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(5);

    private readonly IModelProtocol _protocol;
    private readonly TimeProvider _timeProvider;
    private readonly long _startTimestamp;
    private readonly Lock _gate = new();
    private readonly Queue<ModelStep> _steps = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(int Sequence, TaskCompletionSource<RecordedRequest> Arrived)> _waiters = [];
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private int _disposed;

    private ScriptedModelHost(IModelProtocol protocol, ScriptedServerOptions options)
    {
        _protocol = protocol;
        _timeProvider = options.TimeProvider;
        _startTimestamp = _timeProvider.GetTimestamp();
        Enqueue(options.Steps);
    }

    public int Port { get; private set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public int PendingSteps
    {
        get
        {
            lock (_gate)
            {
                return _steps.Count;
            }
        }
    }

    public async Task<RecordedRequest> WaitForRequestAsync(int sequence, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        TaskCompletionSource<RecordedRequest> arrived;
        lock (_gate)
        {
            if (sequence <= _requests.Count)
            {
                return _requests[sequence - 1];
            }

            arrived = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((sequence, arrived));
        }

        return await arrived.Task.WaitAsync(cancellationToken);
    }

    public static async Task<ScriptedModelHost> StartAsync(IModelProtocol protocol, ScriptedServerOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var host = new ScriptedModelHost(protocol, options);
        try
        {
            await host.ListenAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public void Enqueue(IEnumerable<ModelStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var checkedSteps = steps.ToList();
        foreach (var step in checkedSteps)
        {
            ArgumentNullException.ThrowIfNull(step, nameof(steps));
            _protocol.Validate(step);
        }

        lock (_gate)
        {
            foreach (var step in checkedSteps)
            {
                _steps.Enqueue(step);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Release hanging requests first, otherwise the host would wait for them to finish.
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            using var budget = new CancellationTokenSource(StopBudget);
            await _app.StopAsync(budget.Token);
            await _app.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        // The empty builder reads no configuration or environment (ASPNETCORE_URLS cannot move the port).
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ((IApplicationBuilder)app).Run(HandleAsync);
        _app = app;
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        Port = new Uri(address).Port;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        try
        {
            await AnswerAsync(context, aborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && aborted.IsCancellationRequested)
        {
            // The client went away (cancelled or timed out): nothing left to answer.
        }
    }

    private async Task AnswerAsync(HttpContext context, CancellationToken aborted)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(aborted);
        }

        var routed = HttpMethods.IsPost(request.Method) && _protocol.Answers(request.Path.Value ?? string.Empty);
        var recorded = Record(request, body, routed);
        context.Response.Headers[_protocol.RequestIdHeader] =
            "req_scripted_" + recorded.Sequence.ToString(CultureInfo.InvariantCulture);

        if (!routed)
        {
            // Wrong routes consume no step: a misconfigured base URL shows up here, not as a shifted script.
            context.Response.Headers["x-should-retry"] = "false";
            await _protocol.WriteErrorAsync(context, StatusCodes.Status404NotFound,
                $"The scripted {_protocol.Name} server answers POST {_protocol.Route}, not {request.Method} {request.Path}. " +
                "Check the base URL given to the client.", aborted);
            return;
        }

        var reply = new ReplyContext(recorded, Json.StringProperty(recorded.Json, "model") ?? "scripted-model",
            _timeProvider.GetUtcNow());
        switch (recorded.Step)
        {
            case null:
                context.Response.Headers["x-should-retry"] = "false";
                await _protocol.WriteErrorAsync(context, StatusCodes.Status500InternalServerError,
                    $"script exhausted: request #{recorded.Sequence} arrived but no scripted step is left. " +
                    "Enqueue one ModelStep per expected model call.", aborted);
                break;
            case ModelReply step:
                await _protocol.WriteReplyAsync(context, reply, step, aborted);
                break;
            case StatusStep status:
                await WriteStatusAsync(context, status, aborted);
                break;
            case HangStep:
                await HangAsync(context, aborted);
                break;
            case MalformedStreamStep:
                await _protocol.WriteMalformedAsync(context, reply, aborted);
                break;
            default:
                throw new InvalidOperationException($"Unknown scripted step type {recorded.Step.GetType().Name}.");
        }
    }

    private RecordedRequest Record(HttpRequest request, string body, bool routed)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = string.Join(", ", values.Where(value => value is not null));
        }

        var json = Json.TryParse(body);
        lock (_gate)
        {
            // Timestamps are taken under the lock so that they grow with the sequence numbers.
            var step = routed && _steps.TryDequeue(out var next) ? next : null;
            var recorded = new RecordedRequest(_requests.Count + 1, request.Method, request.Path.Value ?? "", headers, body, json,
                _timeProvider.GetUtcNow(), _timeProvider.GetElapsedTime(_startTimestamp), step);
            _requests.Add(recorded);
            foreach (var waiter in _waiters.Where(waiter => waiter.Sequence == recorded.Sequence).ToList())
            {
                waiter.Arrived.TrySetResult(recorded);
                _waiters.Remove(waiter);
            }

            return recorded;
        }
    }

    private Task WriteStatusAsync(HttpContext context, StatusStep status, CancellationToken aborted)
    {
        if (status.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (status.RetryAfterMilliseconds is { } milliseconds)
        {
            context.Response.Headers["retry-after-ms"] = milliseconds.ToString(CultureInfo.InvariantCulture);
        }

        var message = status.Message ?? string.Create(CultureInfo.InvariantCulture,
            $"Scripted error: HTTP {status.StatusCode} {ReasonPhrases.GetReasonPhrase(status.StatusCode)}.");
        return _protocol.WriteErrorAsync(context, status.StatusCode, message, aborted);
    }

    private async Task HangAsync(HttpContext context, CancellationToken aborted)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, either.Token);
        }
        catch (OperationCanceledException)
        {
            // Cancelled by the client or by disposal: drop the connection without an answer.
        }

        context.Abort();
    }
}
