// The real question bank: every question grades its own answer as right, and its buttons as expected.

import { describe, expect, it } from "vitest";
import { readContentDir } from "../content/fs.ts";
import { loadContent } from "../content/load.ts";
import type { Content } from "../content/schema.ts";
import { canonicalCommand } from "./command-form.ts";
import { choiceLetter, gradeAnswer } from "./grade.ts";
import { quizPromptBlocks } from "./prompt.ts";

function realContent(): Content {
  const result = loadContent(readContentDir());
  if (!result.ok) throw new Error("the course content does not load");
  return result.content;
}

const content = realContent();

describe("the question bank", () => {
  it("has questions of every kind", () => {
    expect(new Set(content.questions.map((q) => q.kind))).toEqual(
      new Set(["choice", "truefalse", "command"]),
    );
  });

  it.each(content.questions.map((q) => [q.id, q] as const))("%s grades its own answer as right", (_id, q) => {
    if (q.kind === "command") {
      const forms = Array.isArray(q.answer) ? q.answer : [];
      expect(forms.length).toBeGreaterThan(0);
      for (const form of forms) {
        expect(canonicalCommand(form), form).toBeDefined();
        expect(gradeAnswer(q, form), form).toMatchObject({ correct: true });
      }
      return;
    }
    const right = q.kind === "choice" ? choiceLetter(q.answer as number) : String(q.answer);
    expect(gradeAnswer(q, right)).toEqual({ correct: true, normalized: right });
    // Pressing the right button sends the same answer the id carries.
    const button = quizPromptBlocks(q).actions.find((a) => a.id === `quiz:${q.id}:${right}`);
    expect(button).toBeDefined();
    if (q.kind === "choice") {
      expect(gradeAnswer(q, q.choices?.[q.answer as number] ?? "").correct).toBe(true);
      const wrong = ((q.answer as number) + 1) % (q.choices?.length ?? 1);
      expect(gradeAnswer(q, choiceLetter(wrong)).correct).toBe(false);
    } else {
      expect(gradeAnswer(q, String(!q.answer)).correct).toBe(false);
    }
  });

  it("tells the accepted forms of different command questions apart", () => {
    const owner = new Map<string, string>();
    for (const q of content.questions) {
      if (q.kind !== "command" || !Array.isArray(q.answer)) continue;
      for (const form of q.answer) {
        const canonical = canonicalCommand(form) ?? "";
        const other = owner.get(canonical);
        if (other !== undefined) expect(other, `${form} also answers ${other}`).toBe(q.id);
        owner.set(canonical, q.id);
      }
    }
  });
});
