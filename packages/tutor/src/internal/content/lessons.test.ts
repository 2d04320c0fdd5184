// Every lesson is completable: on a fresh cluster, each step's solution makes its check pass, and not before.

import { Sim } from "@bosun/sim";
import { describe, expect, it } from "vitest";
import type { CommandContext } from "../checks/command.ts";
import { evaluate } from "../checks/evaluate.ts";
import { readContentDir } from "./fs.ts";
import { formatIssue, loadContent } from "./load.ts";
import { runScript } from "./script.ts";

const loaded = loadContent(readContentDir());
if (!loaded.ok) throw new Error(loaded.issues.map(formatIssue).join("\n"));
const { lessons } = loaded.content;

describe.each(lessons.map((l) => [`${String(l.number).padStart(2, "0")} ${l.id}`, l] as const))(
  "lesson %s",
  (_title, lesson) => {
    it("is completable step by step, and no step passes before its solution runs", () => {
      const sim = Sim.create({ seed: 1, profile: "fast" });
      let ctx: CommandContext = {};
      for (const step of lesson.steps) {
        const before = evaluate(step.check, sim, ctx);
        expect(before.pass, `${lesson.id}/${step.id} passed before its solution: ${before.detail}`).toBe(
          false,
        );
        const run = runScript(sim, step.solution);
        if (run.last) ctx = { lastCommand: run.last };
        const after = evaluate(step.check, sim, ctx);
        const transcript = run.transcript.map((t) => `$ ${t.line}\n${t.output}`).join("");
        expect(after.pass, `${lesson.id}/${step.id}: ${after.detail}\n${transcript}`).toBe(true);
      }
    });
  },
);
