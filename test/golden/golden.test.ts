// Golden transcripts: each script's play-mode output is compared with its recorded transcript.

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { play } from "../../apps/cli/src/play.ts";
import { REPO_ROOT } from "../support/paths.ts";

const DIR = fileURLToPath(new URL("./scripts/", import.meta.url));
const scripts = readdirSync(DIR)
  .filter((f) => f.endsWith(".script"))
  .sort();

describe("golden transcripts (bosun play --seed 1)", () => {
  for (const file of scripts) {
    it(`${file} matches its transcript`, async () => {
      const script = readFileSync(join(DIR, file), "utf8");
      const out = play(script, { seed: 1 });
      expect(out).not.toMatch(/internal error|TypeError|undefined/);
      await expect(out).toMatchFileSnapshot(`./transcripts/${file.replace(/\.script$/, ".golden.txt")}`);
      // Same seed and script: byte-identical output.
      expect(play(script, { seed: 1 })).toBe(out);
    });
  }

  it("the CLI prints the same transcript (the play contract)", () => {
    const file = join(DIR, scripts[0] ?? "");
    const out = execFileSync("pnpm", ["--silent", "bosun", "play", "--seed", "1"], {
      cwd: REPO_ROOT,
      input: readFileSync(file),
      encoding: "utf8",
    });
    expect(out).toBe(play(readFileSync(file, "utf8"), { seed: 1 }));
  });
});
