// The content loader: the real course validates, and broken content is reported by file and field.

import { describe, expect, it } from "vitest";
import { readContentDir } from "./fs.ts";
import { type ContentFile, formatIssue, loadContent } from "./load.ts";

const files = readContentDir();

/** The real content with one file's text changed by `edit`. */
function withEdit(path: string, edit: (text: string) => string): ContentFile[] {
  const found = files.find((f) => f.path === path);
  if (!found) throw new Error(`no content file ${path}`);
  return files.map((f) => (f.path === path ? { path, text: edit(f.text) } : f));
}

function issuesOf(input: ContentFile[]): string[] {
  const result = loadContent(input);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe("loadContent", () => {
  it("accepts the course content", () => {
    const result = loadContent(files);
    if (!result.ok) expect(result.issues.map(formatIssue)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("finds at least 16 lessons of 3 to 8 steps, 120 questions and 60 to 120 concepts", () => {
    const result = loadContent(files);
    if (!result.ok) throw new Error("content does not load");
    const { lessons, questions, coverage } = result.content;
    expect(lessons.length).toBeGreaterThanOrEqual(16);
    expect(lessons.map((l) => l.number)).toEqual(lessons.map((_, i) => i + 1));
    for (const l of lessons) expect(l.steps.length).toBeGreaterThanOrEqual(3);
    expect(questions.length).toBeGreaterThanOrEqual(120);
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(["choice", "truefalse", "command"]));
    expect(coverage.concepts.length).toBeGreaterThanOrEqual(60);
    expect(coverage.concepts.length).toBeLessThanOrEqual(120);
  });

  it("names the file and the field when a step has two hints", () => {
    const broken = withEdit("lessons/05-deployments.yaml", (t) =>
      t.replace(/ {6}- Deleting by label removes all of them in one go\.\n/, ""),
    );
    expect(issuesOf(broken)).toContain(
      "lessons/05-deployments.yaml: steps[2].hints: expected 3 items (nudge, pointer, solution)",
    );
  });

  it("locates a misspelt key deep inside a check", () => {
    const broken = withEdit("lessons/01-why-kubernetes.yaml", (t) =>
      t.replace(
        "deployment: { name: hello, readyReplicas: 3,",
        "deployment: { name: hello, readyReplica: 3,",
      ),
    );
    expect(issuesOf(broken).join("\n")).toMatch(
      /^lessons\/01-why-kubernetes\.yaml: steps\[2\]\.check\.deployment: Unrecognized key: "readyReplica"$/m,
    );
  });

  it("reports a YAML syntax error with its file and line", () => {
    const broken = withEdit("quiz/workloads.yaml", (t) => `${t}\n  - id: [unclosed\n`);
    expect(issuesOf(broken).join("\n")).toMatch(/^quiz\/workloads\.yaml: line \d+: /m);
  });

  it("rejects a heredoc solution without its terminator", () => {
    const broken = withEdit("lessons/07-services.yaml", (t) => t.replace(/\n {8}EOF\n/, "\n"));
    expect(issuesOf(broken).join("\n")).toMatch(
      /^lessons\/07-services\.yaml: steps\[1\]\.solution\[0\]: the heredoc must end with a line "EOF"$/m,
    );
  });

  it("rejects a choice question whose answer is out of range", () => {
    const broken = withEdit("quiz/foundations.yaml", (t) => t.replace("    answer: 1\n", "    answer: 7\n"));
    expect(issuesOf(broken)).toContain(
      "quiz/foundations.yaml: questions[0].answer: expected the index of one of the 4 choices",
    );
  });

  it("rejects a lesson whose number disagrees with its file name", () => {
    const broken = withEdit("lessons/03-kubectl-basics.yaml", (t) => t.replace("number: 3", "number: 30"));
    expect(issuesOf(broken)).toContain(
      "lessons/03-kubectl-basics.yaml: number: expected 3, as in the file name",
    );
  });

  it("rejects an unknown concept id in a lesson", () => {
    const broken = withEdit("lessons/04-pods.yaml", (t) =>
      t.replace("  - pod-manifest\n", "  - pod-manifesto\n"),
    );
    expect(issuesOf(broken)).toContain(
      'lessons/04-pods.yaml: concepts[1]: unknown concept id "pod-manifesto" (not in coverage.yaml)',
    );
  });

  it("rejects coverage that points to a step that does not exist", () => {
    const broken = withEdit("coverage.yaml", (t) =>
      t.replace("lessonSteps: [pods/write-a-pod]", "lessonSteps: [pods/write-a-pdo]"),
    );
    expect(issuesOf(broken).join("\n")).toMatch(
      /^coverage\.yaml: concepts\[\d+\]\.lessonSteps\[0\]: lesson "pods" has no step "write-a-pdo"$/m,
    );
  });

  it("rejects duplicate question ids across files", () => {
    const broken = withEdit("quiz/workloads.yaml", (t) => t.replace("id: cmd-scale\n", "id: what-is-k8s\n"));
    expect(issuesOf(broken)).toContain(
      'quiz/workloads.yaml: questions[0].id: duplicate question id "what-is-k8s"',
    );
  });

  it("rejects a file it does not expect", () => {
    expect(issuesOf([...files, { path: "lessons/extra.yaml", text: "id: x\n" }])).toContain(
      "lessons/extra.yaml: unexpected file: expected lessons/NN-<id>.yaml, quiz/<name>.yaml or coverage.yaml",
    );
  });
});
