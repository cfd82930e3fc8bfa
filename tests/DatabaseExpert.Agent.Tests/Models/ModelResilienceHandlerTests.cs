using System.Net;
using System.Net.Http.Headers;
using DatabaseExpert.Agent.Models.Resilience;

namespace DatabaseExpert.Agent.Tests.Models;

public sealed class ModelResilienceHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(529, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(413, false)]
    [InlineData(501, false)]
    public void Only_transient_statuses_are_retried(int status, bool transient) =>
        Assert.Equal(transient, ModelResilienceHandler.IsTransient((HttpStatusCode)status));

    [Fact]
    public void Retry_after_milliseconds_wins_over_seconds()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("retry-after-ms", "1500.5");
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromMilliseconds(1500.5), ModelResilienceHandler.RetryAfter(response, Now));
    }

    [Fact]
    public void Retry_after_is_read_as_seconds_or_as_a_date()
    {
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(42));
        using var past = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        past.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(-5));

        Assert.Equal(TimeSpan.FromSeconds(7), ModelResilienceHandler.RetryAfter(seconds, Now));
        Assert.Equal(TimeSpan.FromSeconds(42), ModelResilienceHandler.RetryAfter(date, Now));
        Assert.Equal(TimeSpan.Zero, ModelResilienceHandler.RetryAfter(past, Now));
    }

    [Fact]
    public void Without_or_with_an_unreadable_header_the_backoff_decides()
    {
        using var none = new HttpResponseMessage(HttpStatusCode.InternalServerError);
        using var garbage = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        garbage.Headers.TryAddWithoutValidation("retry-after-ms", "soon");

        Assert.Null(ModelResilienceHandler.RetryAfter(none, Now));
        Assert.Null(ModelResilienceHandler.RetryAfter(garbage, Now));
    }

    [Fact]
    public void The_wrapped_exception_is_found_however_deep_the_sdk_buries_it()
    {
        var inner = new ModelCallException("openai", "openai: down", HttpStatusCode.BadGateway, 3);
        var wrapped = new InvalidOperationException("sdk", new AggregateException(new TimeoutException(), new HttpRequestException("x", inner)));

        Assert.Same(inner, ModelCallException.Find(wrapped));
        Assert.Null(ModelCallException.Find(new InvalidOperationException("plain")));
        Assert.Null(ModelCallException.Find(null));
    }
}
