using DatabaseExpert.Agent.Models;
using DatabaseExpert.Agent.Security;

namespace DatabaseExpert.Agent.Tests.Security;

public sealed class SecretRedactorTests
{
    private static readonly SecretRedactor NoValues = new([]);

    [Theory]
    [InlineData("postgres://app:s3cret@db:5432/shop", "postgres://app:***@db:5432/shop")]
    [InlineData("postgresql://:onlypass@localhost/db", "postgresql://:***@localhost/db")]
    [InlineData("use https://bob:pa%40ss@git.example.com/repo.git now", "use https://bob:***@git.example.com/repo.git now")]
    [InlineData("postgres://reader@replica/shop", "postgres://reader@replica/shop")]
    [InlineData("Host=db;Username=app;Password=Tr0ub4dor&3;Database=shop", "Host=db;Username=app;Password=***;Database=shop")]
    [InlineData("host=db password = 'two words' dbname=x", "host=db password = *** dbname=x")]
    [InlineData("Server=x;Pwd=abc;", "Server=x;Pwd=***;")]
    [InlineData("export PGPASSWORD=hunter22 && psql", "export PGPASSWORD=*** && psql")]
    [InlineData("OPENAI_API_KEY=sk-whatever AWS_SECRET_ACCESS_KEY=abc/def", "OPENAI_API_KEY=*** AWS_SECRET_ACCESS_KEY=***")]
    [InlineData("Authorization: Bearer abcdefghijklmnop.qrs", "Authorization: Bearer ***")]
    [InlineData("key sk-ant-api03-AAAAAAAAAAAAAAAA done", "key *** done")]
    [InlineData("key sk-proj-ABCDEFGHIJKLMNOPQRSTUVWX done", "key *** done")]
    [InlineData("neon npg_AbCdEfGhIjKl ok", "neon *** ok")]
    [InlineData("context7 ctx7sk-0123456789abc", "context7 ***")]
    [InlineData("the password is long and nobody knows it", "the password is long and nobody knows it")]
    [InlineData("", "")]
    [InlineData("database:\n  password: hunter22\n  user: app", "database:\n  password: ***\n  user: app")]
    [InlineData("{\"password\": \"hunter22\", \"user\": \"app\"}", "{\"password\": \"***\", \"user\": \"app\"}")]
    [InlineData("api_key: 'abc123'", "api_key: '***'")]
    [InlineData("{\"access_token\":\"eyJhbGciOi\"}", "{\"access_token\":\"***\"}")]
    [InlineData("token_type: bearer", "token_type: bearer")]
    [InlineData("passwords: are long", "passwords: are long")]
    public void Masks_secret_shaped_text_and_leaves_the_rest(string text, string expected) =>
        Assert.Equal(expected, NoValues.Redact(text));

    [Fact]
    public void Masks_known_secret_values_anywhere_longest_first_and_ignores_short_ones()
    {
        var redactor = new SecretRedactor(["plainvalue123", "plainvalue123-extended", "abc", null, "   "]);

        Assert.Equal("a *** b *** c abc", redactor.Redact("a plainvalue123-extended b plainvalue123 c abc"));
    }

    [Fact]
    public void From_environment_collects_the_named_values_and_passwords_inside_urls()
    {
        var environment = new Dictionary<string, string?>
        {
            [ModelCredentials.OpenAIKey] = "my-local-gateway-token",
            ["DATABASE_URL"] = "postgres://app:p%40ss-w0rd!@db/shop",
            ["UNLISTED"] = "not-a-secret-value",
        };
        var redactor = SecretRedactor.FromEnvironment([ModelCredentials.OpenAIKey, "DATABASE_URL", "MISSING"], environment.GetValueOrDefault);

        Assert.Equal("token *** ok", redactor.Redact("token my-local-gateway-token ok"));
        Assert.Equal("typed *** and *** by hand", redactor.Redact("typed p@ss-w0rd! and p%40ss-w0rd! by hand"));
        Assert.Equal("not-a-secret-value", redactor.Redact("not-a-secret-value"));
    }

    [Fact]
    public void Redacting_connections_touches_only_the_password()
    {
        Assert.Equal(
            "postgres://app:***@db/shop?sslmode=require&application_name=dbx",
            SecretRedactor.RedactConnection("postgres://app:s3cret@db/shop?sslmode=require&application_name=dbx"));
        Assert.Equal("sk-proj-ABCDEFGHIJKLMNOPQRSTUVWX", SecretRedactor.RedactConnection("sk-proj-ABCDEFGHIJKLMNOPQRSTUVWX"));
    }

    [Fact]
    public void Pattern_redaction_needs_no_values()
    {
        Assert.Equal("postgres://a:***@h/d and OPENAI_API_KEY=***", SecretRedactor.RedactPatterns("postgres://a:b@h/d and OPENAI_API_KEY=xyz"));
    }
}
