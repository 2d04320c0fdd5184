// Coverage: every seed concept is taught by a lesson step or asked by a question, or loading fails.

import { describe, expect, it } from "vitest";
import { readContentDir } from "./fs.ts";
import { type ContentFile, formatIssue, loadContent } from "./load.ts";

const files = readContentDir();

/** The real content with a synthetic coverage.yaml: the real one plus `extra` concept entries. */
function withConcepts(extra: string): ContentFile[] {
  return files.map((f) => (f.path === "coverage.yaml" ? { path: f.path, text: `${f.text}${extra}` } : f));
}

describe("coverage", () => {
  it("maps every concept to at least one lesson step or question", () => {
    const result = loadContent(files);
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
    const bare = result.content.coverage.concepts.filter((c) => c.lessonSteps.length + c.quiz.length === 0);
    expect(bare.map((c) => c.id)).toEqual([]);
  });

  it("names every seed file at least once", () => {
    const result = loadContent(files);
    if (!result.ok) throw new Error("content does not load");
    const seeds = new Set(result.content.coverage.concepts.map((c) => c.seed.split(" § ")[0]));
    expect(seeds.size).toBe(5);
  });

  it("fails when a concept has neither a step nor a question", () => {
    const result = loadContent(
      withConcepts(
        '  - id: orphan-concept\n    title: "Taught nowhere"\n    seed: "002_9bfee1c83e1ae4cb.txt § Pods"\n    lessonSteps: []\n    quiz: []\n',
      ),
    );
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues.map(formatIssue);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(
      /^coverage\.yaml: concepts\[\d+\]: concept "orphan-concept" is taught by no lesson step and asked by no question$/,
    );
  });

  it("fails when coverage lists a question not tagged with the concept", () => {
    const result = loadContent(
      withConcepts(
        '  - id: misfiled\n    title: "Misfiled"\n    seed: "002_9bfee1c83e1ae4cb.txt § Pods"\n    lessonSteps: []\n    quiz: [what-is-k8s]\n',
      ),
    );
    const issues = result.ok ? [] : result.issues.map(formatIssue);
    expect(issues.join("\n")).toMatch(/quiz\[0\]: question "what-is-k8s" is not tagged with "misfiled"/);
  });
});
