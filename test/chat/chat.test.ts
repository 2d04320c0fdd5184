// Chat transcripts: every lesson walked through the tutor with its solutions, plus hand-written sessions.

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { chat } from "../../apps/cli/src/chat.ts";
import { loadContentOrThrow, readContentDir } from "../../packages/tutor/src/index.ts";
import { REPO_ROOT } from "../support/paths.ts";

const content = loadContentOrThrow(readContentDir());
const DIR = fileURLToPath(new URL("./scripts/", import.meta.url));
const pad = (n: number) => String(n).padStart(2, "0");

/** The script a learner following lesson `n` to the letter would type: start, then every solution item. */
function lessonScript(n: number): string {
  const lesson = content.lessons.find((l) => l.number === n);
  if (!lesson) throw new Error(`no lesson ${n}`);
  const lines = [`# Lesson ${n}: ${lesson.title} (generated from its solutions)`, `lesson start ${n}`];
  for (const step of lesson.steps) {
    lines.push(`# step ${step.id}`);
    for (const item of step.solution) lines.push(item.replace(/\n+$/, ""));
  }
  lines.push("progress");
  return `${lines.join("\n")}\n`;
}

describe("chat transcripts: each lesson from start to finish (bosun chat --user alex --seed 1)", () => {
  for (const lesson of content.lessons) {
    const name = `${pad(lesson.number)}-${lesson.id}`;
    it(`lesson ${lesson.number} ends with the lesson complete`, async () => {
      const script = lessonScript(lesson.number);
      await expect(script).toMatchFileSnapshot(`./scripts/lessons/${name}.script`);
      const out = chat(script, { seed: 1, user: "alex", content });
      expect(out).not.toMatch(/internal error|TypeError|undefined|\[object Object\]/);
      // Every step passes, in order, and the lesson completes on the last one.
      const done = [...out.matchAll(/✓ Step (\d+) of (\d+) done/g)].map((m) => Number(m[1]));
      expect(done).toEqual(lesson.steps.map((_, i) => i + 1));
      expect(out).toContain(`✓ Lesson ${lesson.number} complete: ${lesson.title}`);
      await expect(out).toMatchFileSnapshot(`./transcripts/lessons/${name}.chat.txt`);
      expect(chat(script, { seed: 1, user: "alex", content })).toBe(out);
    });
  }
});

describe("chat transcripts: hand-written sessions", () => {
  const scripts = readdirSync(DIR)
    .filter((f) => f.endsWith(".script"))
    .sort();
  for (const file of scripts) {
    it(`${file} matches its transcript`, async () => {
      const script = readFileSync(join(DIR, file), "utf8");
      const out = chat(script, { seed: 1, user: "alex", content, group: file.includes("group") });
      expect(out).not.toMatch(/internal error|TypeError|undefined|\[object Object\]/);
      await expect(out).toMatchFileSnapshot(`./transcripts/${file.replace(/\.script$/, ".chat.txt")}`);
    });
  }

  it("a bare Pod does not pass 'apply a Deployment', and the coach says why", () => {
    const out = chat(readFileSync(join(DIR, "wrong-approach.script"), "utf8"), {
      seed: 1,
      user: "alex",
      content,
    });
    expect(out).not.toContain("✓ Step 1 of 5 done");
    expect(out).toMatch(/Tip: pod\/web: .*\(lesson 5\)/);
  });

  it("names the actor in group mode", () => {
    const out = chat(readFileSync(join(DIR, "group.script"), "utf8"), {
      seed: 1,
      user: "alex",
      content,
      group: true,
    });
    expect(out).toMatch(/^sam> kubectl get nodes\nsam ran: kubectl get nodes\n/m);
  });
});

describe("bosun chat (the CLI contract)", () => {
  it("prints what chat() returns", () => {
    const file = join(DIR, "quiz.script");
    const out = execFileSync("pnpm", ["--silent", "bosun", "chat", "--user", "alex", "--seed", "1"], {
      cwd: REPO_ROOT,
      input: readFileSync(file),
      encoding: "utf8",
    });
    expect(out).toBe(chat(readFileSync(file, "utf8"), { seed: 1, user: "alex", content }));
  });
});
