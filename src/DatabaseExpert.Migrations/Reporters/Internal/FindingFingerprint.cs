using System.Security.Cryptography;
using System.Text;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Reporters.Internal;

/// <summary>
/// A finding's identity across runs: rule + file + the offending statement normalized (comments, layout and keyword case
/// ignored), so it survives lines moving above it. Equal statements in one file are told apart by their order.
/// </summary>
internal static class FindingFingerprint
{
    public static IReadOnlyList<string> For(IReadOnlyList<Finding> findings)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var prints = new List<string>(findings.Count);
        foreach (var finding in findings)
        {
            var key = $"{finding.Rule}\n{finding.File}\n{(finding.Sql is { } sql ? StatementText.Normalize(sql) : finding.Message)}";
            var occurrence = seen[key] = seen.GetValueOrDefault(key) + 1;
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{key}\n{occurrence}"));
            prints.Add(Convert.ToHexStringLower(hash.AsSpan(0, 16)));
        }

        return prints;
    }
}
