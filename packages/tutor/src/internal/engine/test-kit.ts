// Test helpers for the engine: a learner who types lines at a fixed pace, and the course content.

import { readContentDir } from "../content/fs.ts";
import { loadContentOrThrow } from "../content/load.ts";
import type { Content } from "../content/schema.ts";
import { parseScriptItem } from "../content/script.ts";
import type { Session, TutorEvent, TutorReply } from "../model.ts";
import { newSession } from "../session/new.ts";
import { handle } from "./handle.ts";

let cached: Content | undefined;
/** The real course content, loaded once per test file. */
export function content(): Content {
  cached ??= loadContentOrThrow(readContentDir());
  return cached;
}

/** Monday 6 January 2025, 09:00 UTC: the frozen start of every test session. */
export const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

/** A learner (or, with `group`, a study group) talking to the engine; every event is 5 s after the last. */
export class Learner {
  session: Session;
  now = T0;
  last: TutorReply = { blocks: [], actions: [] };
  constructor(
    readonly name = "alex",
    readonly opts: { seed?: number; group?: boolean; stepMs?: number } = {},
  ) {
    this.session = newSession({ seed: opts.seed ?? 1, now: T0 });
  }

  send(event: TutorEvent, as = this.name): TutorReply {
    this.now += this.opts.stepMs ?? 5000;
    const r = handle(this.session, event, {
      now: this.now,
      actor: { id: as, name: as },
      content: content(),
      ...(this.opts.group ? { group: true } : {}),
    });
    this.session = r.session;
    this.last = r.reply;
    return r.reply;
  }

  /** Types a line (with the heredoc body, if any, as stdin). */
  say(text: string, stdin?: string, as?: string): TutorReply {
    return this.send({ type: "text", text, ...(stdin !== undefined ? { stdin } : {}) }, as);
  }

  /** Types a solution item as written in lesson content. */
  run(item: string): TutorReply {
    const parsed = parseScriptItem(item);
    if (!parsed.ok) throw new Error(parsed.error);
    return this.say(parsed.command.line, parsed.command.stdin);
  }

  /** Starts lesson `n` and types every step's solution; returns the last reply. */
  complete(n: number): TutorReply {
    this.say(`lesson start ${n}`);
    const lesson = content().lessons.find((l) => l.number === n);
    if (!lesson) throw new Error(`no lesson ${n}`);
    for (const step of lesson.steps) for (const item of step.solution) this.run(item);
    return this.last;
  }
}

/** The reply's blocks of one kind. */
export function blocksOf<K extends TutorReply["blocks"][number]["kind"]>(
  reply: TutorReply,
  kind: K,
): Extract<TutorReply["blocks"][number], { kind: K }>[] {
  return reply.blocks.filter((b): b is Extract<TutorReply["blocks"][number], { kind: K }> => b.kind === kind);
}

/** All the reply's text, for loose assertions. */
export function textOf(reply: TutorReply): string {
  return reply.blocks
    .map((b) =>
      "text" in b ? b.text : b.kind === "diff" ? b.lines.join("\n") : b.kind === "quiz" ? b.prompt : "",
    )
    .join("\n");
}
