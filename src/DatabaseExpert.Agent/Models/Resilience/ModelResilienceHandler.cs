using System.Globalization;
using System.Net;
using System.Text.Json;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace DatabaseExpert.Agent.Models.Resilience;

/// <summary>
/// The one retry layer for model HTTP calls (the SDKs' own retries are switched off). Retries 408/429/5xx/529,
/// connection failures and attempts that produce no headers in time, with jittered exponential backoff that yields to
/// the server's <c>Retry-After</c>; bounds all attempts by an overall timeout; turns every final failure into a
/// one-line <see cref="ModelCallException"/>; and guards streamed bodies against silent stalls.
/// </summary>
public sealed class ModelResilienceHandler : DelegatingHandler
{
    private readonly string _provider;
    private readonly ModelResilienceOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeProvider _timeProvider;

    public ModelResilienceHandler(string provider, ModelResilienceOptions options, TimeProvider? timeProvider = null, HttpMessageHandler? inner = null)
        : base(inner ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        _provider = provider;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _pipeline = BuildPipeline(options, _timeProvider);
    }

    /// <summary>Attempts made by the most recent request (for usage displays and tests).</summary>
    public int LastAttempts { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Bodies are replayed on every attempt, so read them once.
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var attempts = 0;
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    using var attempt = Clone(request, body);
                    return await base.SendAsync(attempt, token);
                },
                cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            LastAttempts = attempts;
            throw new ModelCallException(
                _provider,
                $"{_provider}: no response from {Host(request)} within {Seconds(ex.Timeout)} ({Plural(attempts, "attempt")})",
                attempts: attempts,
                inner: ex);
        }
        catch (HttpRequestException ex)
        {
            LastAttempts = attempts;
            throw new ModelCallException(
                _provider,
                $"{_provider}: cannot reach {Host(request)}: {ex.Message} ({Plural(attempts, "attempt")})",
                attempts: attempts,
                inner: ex);
        }

        LastAttempts = attempts;
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await FailureAsync(request, response, attempts, cancellationToken);
            }
        }

        if (response.Content is not null)
        {
            response.Content = new IdleTimeoutContent(response.Content, _options.StreamIdleTimeout, _provider);
        }

        return response;
    }

    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
            || (int)status == 529; // Anthropic: overloaded

    /// <summary>The wait the server asked for: <c>retry-after-ms</c>, then <c>Retry-After</c> (seconds or a date).</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var msValues)
            && double.TryParse(msValues.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(ModelResilienceOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        builder.AddTimeout(options.OverallTimeout);
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } result ? RetryAfter(result, timeProvider.GetUtcNow()) : null),
                OnRetry = args =>
                {
                    // The failed response is not handed to the caller: release its connection.
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ModelResilienceOptions options, TimeProvider timeProvider)
    {
        if (outcome.Exception is HttpRequestException or TimeoutRejectedException)
        {
            return true;
        }

        if (outcome.Result is not { } response || !IsTransient(response.StatusCode))
        {
            return false;
        }

        // A server that asks for a longer pause than we tolerate is answered at once rather than waited on.
        var retryAfter = RetryAfter(response, timeProvider.GetUtcNow());
        return retryAfter is null || retryAfter <= options.MaxRetryAfter;
    }

    private async Task<ModelCallException> FailureAsync(
        HttpRequestMessage request, HttpResponseMessage response, int attempts, CancellationToken cancellationToken)
    {
        var detail = await ErrorDetailAsync(response, cancellationToken);
        var status = (int)response.StatusCode;
        var text = $"{_provider}: {Host(request)} answered {status} {response.ReasonPhrase}";
        if (!string.IsNullOrEmpty(detail))
        {
            text += $": {detail}";
        }

        var retryAfter = RetryAfter(response, _timeProvider.GetUtcNow());
        if (IsTransient(response.StatusCode) && retryAfter > _options.MaxRetryAfter)
        {
            text += $" (the server asked to retry after {Seconds(retryAfter.Value)}, more than the {Seconds(_options.MaxRetryAfter)} dbx waits)";
        }
        else
        {
            text += $" ({Plural(attempts, "attempt")})";
        }

        text += status switch
        {
            401 or 403 => "; check the API key for this provider",
            404 => "; check the model name and the base URL",
            _ => string.Empty,
        };
        return new ModelCallException(_provider, text, response.StatusCode, attempts);
    }

    /// <summary>The provider's own error message when the body is the usual <c>{"error":{"message":…}}</c> JSON.</summary>
    private static async Task<string?> ErrorDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    return Shorten(error.GetString());
                }

                if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message))
                {
                    return Shorten(message.GetString());
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: show the start of the text.
        }

        return Shorten(body);
    }

    private static string? Shorten(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 200 ? line : string.Concat(line.AsSpan(0, 200), "…");
    }

    private static HttpRequestMessage Clone(HttpRequestMessage request, byte[]? body)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            clone.Content = new ByteArrayContent(body);
            foreach (var header in request.Content!.Headers)
            {
                clone.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)clone.Options)[option.Key] = option.Value;
        }

        return clone;
    }

    private static string Host(HttpRequestMessage request) =>
        request.RequestUri is { } uri ? uri.GetLeftPart(UriPartial.Authority) : "the endpoint";

    private static string Seconds(TimeSpan span) =>
        span.TotalSeconds >= 1 ? $"{span.TotalSeconds:0.#} s" : $"{span.TotalMilliseconds:0} ms";

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>Wraps a response body so that a stream which goes silent fails instead of hanging the turn.</summary>
    private sealed class IdleTimeoutContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly TimeSpan _idle;
        private readonly string _provider;

        public IdleTimeoutContent(HttpContent inner, TimeSpan idle, string provider)
        {
            _inner = inner;
            _idle = idle;
            _provider = provider;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override async Task<Stream> CreateContentReadStreamAsync() =>
            new IdleTimeoutStream(await _inner.ReadAsStreamAsync(), _idle, _provider);

        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
            new IdleTimeoutStream(await _inner.ReadAsStreamAsync(cancellationToken), _idle, _provider);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await using var source = await CreateContentReadStreamAsync();
            await source.CopyToAsync(stream);
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await using var source = await CreateContentReadStreamAsync(cancellationToken);
            await source.CopyToAsync(stream, cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _inner.Headers.ContentLength ?? -1;
            return length >= 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class IdleTimeoutStream(Stream inner, TimeSpan idle, string provider) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(idle);
            try
            {
                return await inner.ReadAsync(buffer, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ModelCallException(provider, $"{provider}: the streamed answer stalled: no data for {Seconds(idle)}");
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
