using System.Text.Json;
using DatabaseExpert.Agent.Runtime;
using DatabaseExpert.Agent.Security;
using DatabaseExpert.Agent.Sessions;
using DatabaseExpert.Agent.Tests.Definition;
using DatabaseExpert.Agent.Tests.Runtime;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DatabaseExpert.Agent.Tests.Sessions;

public sealed class SessionStoreTests
{
    private static readonly SecretRedactor Redactor = new([]);

    [Fact]
    public void A_transcript_reloads_messages_tool_calls_results_and_usage()
    {
        using var folder = new TempFolder();
        var history = new ChatHistory("system prompt, never saved");
        history.AddUserMessage("What is in a.sql?");
        var call = new ChatMessageContent(AuthorRole.Assistant, "Reading it.");
        call.Items.Add(new FunctionCallContent("Read", "workspace", "call_1", new KernelArguments { ["path"] = "a.sql", ["limit"] = 5 }));
        history.Add(call);
        history.Add(new FunctionResultContent("Read", "workspace", "call_1", "     1\tselect 1;").ToChatMessage());
        history.AddAssistantMessage("It selects 1.");

        string path;
        using (var transcript = SessionTranscript.Create(folder.Root, Header("20260101-120000-aaaaaa", Day(1)), Redactor))
        {
            path = transcript.FilePath;
            transcript.RecordTurn(history, 1, new TokenUsage(120, 30), TurnStop.Completed, null);
        }

        var loaded = SessionStore.Load(path);

        Assert.Equal(
            ["user: What is in a.sql?", "assistant: Reading it. call call_1 Read(path=a.sql, limit=5)", "tool: call_1=     1\tselect 1;", "assistant: It selects 1."],
            HistoryText.Describe(loaded.History));
        Assert.Equal("workspace", loaded.History[1].Items.OfType<FunctionCallContent>().Single().PluginName);
        Assert.Equal(new TokenUsage(120, 30), loaded.Usage);
        Assert.Equal(
            new SessionSummary("20260101-120000-aaaaaa", path, Day(1), "openai:gpt-test", 1, "What is in a.sql?"),
            loaded.Summary);
    }

    [Fact]
    public void Clear_forgets_the_messages_before_it_but_not_the_usage()
    {
        using var folder = new TempFolder();
        var history = new ChatHistory();
        string path;
        using (var transcript = SessionTranscript.Create(folder.Root, Header("s1", Day(1)), Redactor))
        {
            path = transcript.FilePath;
            history.AddUserMessage("first");
            history.AddAssistantMessage("one");
            transcript.RecordTurn(history, 0, new TokenUsage(10, 1), TurnStop.Completed, null);
            transcript.RecordClear();
            history.Clear();
            history.AddUserMessage("second");
            history.AddAssistantMessage("two");
            transcript.RecordTurn(history, 0, new TokenUsage(20, 2), TurnStop.Completed, null);
        }

        var loaded = SessionStore.Load(path);

        Assert.Equal(["user: second", "assistant: two"], HistoryText.Describe(loaded.History));
        Assert.Equal(new TokenUsage(30, 3), loaded.Usage);
        Assert.Equal(2, loaded.Summary.UserMessages);
    }

    [Fact]
    public void A_resumed_session_appends_to_its_own_file()
    {
        using var folder = new TempFolder();
        var history = new ChatHistory();
        string path;
        using (var transcript = SessionTranscript.Create(folder.Root, Header("s1", Day(1)), Redactor))
        {
            path = transcript.FilePath;
            history.AddUserMessage("before");
            transcript.RecordTurn(history, 0, new TokenUsage(1, 1), TurnStop.Failed, "openai: down");
        }

        using (var transcript = SessionTranscript.Append(path, "s1", Redactor))
        {
            var start = history.Count;
            history.AddUserMessage("after");
            history.AddAssistantMessage("welcome back");
            transcript.RecordTurn(history, start, new TokenUsage(2, 2), TurnStop.Completed, null);
        }

        var loaded = SessionStore.Load(path);
        var types = File.ReadAllLines(path).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("type").GetString());

        Assert.Equal(["session", "message", "turn", "resume", "message", "message", "turn"], types);
        Assert.Equal(["user: before", "user: after", "assistant: welcome back"], HistoryText.Describe(loaded.History));
        Assert.Equal(new TokenUsage(3, 3), loaded.Usage);
        Assert.Single(Directory.GetFiles(folder.Root));
    }

    [Fact]
    public void Sessions_are_listed_newest_first_and_a_damaged_file_does_not_hide_the_others()
    {
        using var folder = new TempFolder();
        WriteSession(folder, "20260101-090000-aaaaaa", Day(1), "oldest");
        WriteSession(folder, "20260103-090000-cccccc", Day(3), "newest");
        WriteSession(folder, "20260102-090000-bbbbbb", Day(2), "middle");
        folder.Write("broken.jsonl", "{not json\n");
        folder.Write("notes.txt", "not a session");

        var sessions = SessionStore.List(folder.Root);

        Assert.Equal(["newest", "middle", "oldest"], sessions.Select(s => s.FirstMessage));
        Assert.Empty(SessionStore.List(folder.PathOf("missing")));
    }

    [Fact]
    public void Find_resolves_the_newest_an_id_or_a_unique_prefix()
    {
        using var folder = new TempFolder();
        var old = WriteSession(folder, "20260101-090000-aaaaaa", Day(1), "old");
        var recent = WriteSession(folder, "20260101-100000-bbbbbb", Day(2), "recent");

        Assert.Equal(recent, SessionStore.Find(folder.Root, null));
        Assert.Equal(recent, SessionStore.Find(folder.Root, "  "));
        Assert.Equal(old, SessionStore.Find(folder.Root, "20260101-090000-aaaaaa"));
        Assert.Equal(old, SessionStore.Find(folder.Root, "20260101-09"));
    }

    [Fact]
    public void Find_explains_what_exists_when_the_id_is_unknown_or_ambiguous()
    {
        using var folder = new TempFolder();

        var none = Assert.Throws<SessionFormatException>(() => SessionStore.Find(folder.Root, null));
        Assert.Equal($"no saved sessions in {folder.Root}; start one with `dbx chat`", none.Message);

        WriteSession(folder, "20260101-090000-aaaaaa", Day(1), "a");
        WriteSession(folder, "20260101-100000-bbbbbb", Day(2), "b");

        var unknown = Assert.Throws<SessionFormatException>(() => SessionStore.Find(folder.Root, "2025"));
        Assert.Equal(
            $"no session '2025' in {folder.Root}; recent ones: 20260101-100000-bbbbbb, 20260101-090000-aaaaaa",
            unknown.Message);
        var ambiguous = Assert.Throws<SessionFormatException>(() => SessionStore.Find(folder.Root, "20260101"));
        Assert.Equal(
            "'20260101' matches 2 sessions (20260101-100000-bbbbbb, 20260101-090000-aaaaaa); give more of the id",
            ambiguous.Message);
    }

    [Fact]
    public void Loading_a_file_that_is_not_a_transcript_names_the_file_and_line()
    {
        using var folder = new TempFolder();
        var broken = folder.Write("broken.jsonl", """{"type":"session","id":"x","model":"m","createdAt":"2026-01-01T00:00:00Z"}""" + "\n\n[1,2]\n");
        var headless = folder.Write("headless.jsonl", """{"type":"message","role":"user","text":"hi"}""" + "\n");

        var notObject = Assert.Throws<SessionFormatException>(() => SessionStore.Load(broken));
        Assert.StartsWith($"{broken}:3: not a transcript record", notObject.Message, StringComparison.Ordinal);
        var noHeader = Assert.Throws<SessionFormatException>(() => SessionStore.Load(headless));
        Assert.Equal($"{headless}:1: the file has no session header; it was not written by dbx", noHeader.Message);
    }

    [Fact]
    public void New_ids_sort_by_time_and_do_not_collide()
    {
        var clock = new FixedClock(Day(5).AddHours(13).AddMinutes(4).AddSeconds(5));

        var ids = Enumerable.Range(0, 50).Select(_ => SessionStore.NewId(clock)).ToList();

        Assert.All(ids, id => Assert.Matches("^20260105-130405-[0-9a-f]{6}$", id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Path.Combine("/work", ".dbx", "sessions"), SessionStore.DefaultDirectory("/work"));
    }

    private static string WriteSession(TempFolder folder, string id, DateTimeOffset createdAt, string firstMessage)
    {
        using var transcript = SessionTranscript.Create(folder.Root, Header(id, createdAt), Redactor);
        var history = new ChatHistory();
        history.AddUserMessage(firstMessage);
        transcript.RecordTurn(history, 0, default, TurnStop.Completed, null);
        return transcript.FilePath;
    }

    private static SessionHeader Header(string id, DateTimeOffset createdAt) => new(id, createdAt, "test-agent", "openai:gpt-test", "/work");

    private static DateTimeOffset Day(int day) => new(2026, 1, day, 0, 0, 0, TimeSpan.Zero);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
