using System.Text.Json;

namespace DatabaseExpert.Migrations.Sources.Drizzle.Internal;

/// <summary>
/// A drizzle config that loads the project's own config (so everything it computes stays as the project has it) and
/// points <c>out</c> at a copy of the migrations folder made on first load: drizzle-kit then writes only into the copy.
/// drizzle-kit prefixes <c>out</c> with "./", so it is given relative to the working directory (the project root).
/// </summary>
internal static class ProbeConfig
{
    /// <summary>Environment variable naming the folder the copy goes to (one per drizzle-kit run).</summary>
    public const string CopyVariable = "DBX_DRIFT_OUT";

    /// <summary>Prefix of the stderr line where the probe reports the out folder the project's config resolves to.</summary>
    public const string OutMarker = "dbx-drift-out ";

    public static string Write(string directory, string userConfig)
    {
        var path = Path.Combine(directory, "dbx-drift.config.cjs");
        File.WriteAllText(path, $$"""
            // Written by dbx for a drift check: the project's own config, with `out` redirected to a temporary copy.
            "use strict";
            const fs = require("node:fs");
            const path = require("node:path");
            const loaded = require({{JsonSerializer.Serialize(userConfig)}});
            const config = loaded && typeof loaded === "object" && "default" in loaded ? loaded.default : loaded;
            const copy = process.env.{{CopyVariable}};
            const out = path.resolve(config.out ?? "drizzle");
            if (!fs.existsSync(copy)) {
              if (fs.existsSync(out)) fs.cpSync(out, copy, { recursive: true });
              else fs.mkdirSync(copy, { recursive: true });
            }
            process.stderr.write({{JsonSerializer.Serialize(OutMarker)}} + JSON.stringify(out) + "\n");
            module.exports = { ...config, out: path.relative(process.cwd(), copy) };

            """);
        return path;
    }
}
