// A command event: run it in the sandbox, then show its output, what changed, coach findings and the step.

import { parseAllDocuments } from "yaml";
import { tokenize } from "../checks/command.ts";
import type { ReplyBlock } from "../model.ts";
import { diffSnapshots, type Finding, formatDiff, reviewCommand, reviewManifests, snapshot } from "./deps.ts";
import { afterCommand, currentStep } from "./step.ts";
import { type SnapshotAt, say, snapshotAt, stillShows, type Turn } from "./turn.ts";

/** At most this many diff lines and coach findings per reply: chat messages stay short. */
export const MAX_DIFF_LINES = 12;
export const MAX_FINDINGS = 3;

/** The manifests a `-f -` command read from stdin, as plain objects; YAML errors are kubectl's to report. */
export function manifestsOf(tokens: readonly string[], stdin: string | undefined): unknown[] {
  if (stdin === undefined) return [];
  const fromStdin =
    tokens.some((t, i) => (t === "-f" || t === "--filename") && tokens[i + 1] === "-") ||
    tokens.includes("--filename=-") ||
    tokens.includes("-f=-");
  if (!fromStdin) return [];
  try {
    const docs = parseAllDocuments(stdin);
    const list = Array.isArray(docs) ? docs : [docs];
    return list
      .filter((d) => d.errors.length === 0)
      .map((d) => d.toJS() as unknown)
      .filter((o) => o !== null && typeof o === "object");
  } catch {
    return [];
  }
}

/** Coach findings as reply blocks, warnings first, each pointing at the lesson that teaches it. */
export function findingBlocks(findings: readonly Finding[]): ReplyBlock[] {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.rule}:${f.object}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const ordered = [...unique].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "warning" ? -1 : 1,
  );
  return ordered.slice(0, MAX_FINDINGS).map((f) => {
    const text = `${f.object ? `${f.object}: ` : ""}${f.message} (lesson ${f.lesson})`;
    return { kind: f.severity, text, lesson: f.lesson };
  });
}

/**
 * Whether a finding is worth showing now. Warnings (a secret in plain text, an unpinned image) always
 * are. Tips wait until the learner's lesson has reached the one that teaches them: lesson 4 makes
 * bare Pods on purpose, and "add probes" (lesson 9) would only distract in lesson 5. Outside
 * lessons every tip shows.
 */
function timely(turn: Turn, f: Finding): boolean {
  if (f.severity === "warning") return true;
  const lesson = turn.ctx.content.lessons.find((l) => l.id === turn.s.lesson?.id);
  return lesson === undefined || f.lesson <= lesson.number;
}

/**
 * Runs `line` in the turn's sandbox. `before` is the snapshot taken before the sandbox's clock
 * moved on for this event, so the diff shows what changed while the learner was away too.
 */
export function runCommand(turn: Turn, line: string, stdin: string | undefined, before: SnapshotAt): void {
  const r = stdin === undefined ? turn.sim.exec(line) : turn.sim.exec(line, stdin);
  if (r.output !== "") say(turn, { kind: "code", text: r.output, command: line, exitCode: r.exitCode });
  // A cluster nothing was written to looks as it did before: the same snapshot, and no diff.
  if (stillShows(before, turn.sim)) turn.after = before;
  else {
    turn.after = snapshotAt(turn.sim, snapshot(turn.sim));
    const diff = formatDiff(diffSnapshots(before.snap, turn.after.snap), {
      max: MAX_DIFF_LINES,
      namespace: turn.sim.currentNamespace,
    });
    if (diff.length > 0) say(turn, { kind: "diff", lines: diff });
  }
  const tokens = tokenize(line);
  if (r.exitCode === 0) {
    const findings = [...reviewManifests(manifestsOf(tokens, stdin)), ...reviewCommand(tokens)];
    say(turn, ...findingBlocks(findings.filter((f) => timely(turn, f))));
  }
  const at = currentStep(turn);
  // Waiting is not a command a check could be about: `sleep` keeps the previous one as the last.
  if (at && tokens[0] !== "sleep") at.cursor.last = { tokens, exitCode: r.exitCode };
  afterCommand(turn, r.output, r.exitCode);
}
