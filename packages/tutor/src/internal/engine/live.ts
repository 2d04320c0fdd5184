// A session held open between events: the restored sandbox and the tutor state, so that a worker
// serving the same session again neither restores nor re-snapshots the cluster. `handle` runs on it.

import { Sim } from "@bosun/sim";
import { TutorError } from "../content/errors.ts";
import type { Session, TutorEvent, TutorReply } from "../model.ts";
import { runCommand } from "./command.ts";
import { snapshot } from "./deps.ts";
import { giveHelp } from "./help.ts";
import { giveHint, giveSolution } from "./hints.ts";
import { lessonStatus, listLessons, nextStep, startLesson } from "./lesson.ts";
import { type ParsedText, parseText } from "./parse.ts";
import { progressBlocks, touchStreak } from "./progress.ts";
import { answerQuiz, askQuiz, askReview, skipQuiz } from "./quiz.ts";
import { reset } from "./reset.ts";
import { type HandleContext, type SnapshotAt, snapshotAt, stillShows, type Turn } from "./turn.ts";
import { unknownReply } from "./unknown.ts";

/**
 * Longest stretch of real time one event lets pass in the sandbox. A learner back after a week
 * finds a cluster ten minutes older, not one whose events and back-offs all expired.
 */
export const MAX_CATCH_UP_MS = 10 * 60 * 1000;

/** What an event was, in the words a group sees before the reply: "ran: kubectl get pods", ": hint". */
function groupLine(name: string, event: TutorEvent, parsed: ParsedText): string {
  if (parsed.type === "command") return `${name} ran: ${parsed.text}`;
  if (event.type === "text") return `${name}: ${event.text.trim()}`;
  switch (parsed.type) {
    case "lesson":
      return `${name}: lesson ${parsed.action}${parsed.lesson !== undefined ? ` ${parsed.lesson}` : ""}`;
    case "answer":
      return `${name} answered: ${parsed.answer}`;
    case "reset":
      return `${name}: reset${parsed.all ? " all" : ""}${parsed.confirm ? " confirm" : ""}`;
    default:
      return `${name}: ${parsed.type}`;
  }
}

/**
 * A deep copy of plain data (what structuredClone gives for it, without its serialiser's cost on
 * a few small objects): arrays and plain objects are copied, anything else goes to structuredClone.
 */
function copyPlain<T>(value: T): T {
  if (typeof value !== "object" || value === null)
    return typeof value === "function" || typeof value === "symbol" ? structuredClone(value) : value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return structuredClone(value);
      out.push(copyPlain(value[i]));
    }
    return out as T;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = copyPlain((value as Record<string, unknown>)[key]);
    if (key === "__proto__")
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    else out[key] = v;
  }
  return out as T;
}

function restore(stored: Session["sim"]): Sim {
  try {
    return Sim.restore(stored);
  } catch (cause) {
    throw new TutorError("session-invalid", "the session's sandbox does not restore", [], { cause });
  }
}

/** Runs the handler an event calls for. */
function dispatch(
  turn: Turn,
  parsed: ParsedText,
  before: () => SnapshotAt,
  pendingReset: Session["pendingReset"],
): void {
  const { s, ctx } = turn;
  switch (parsed.type) {
    case "text": // parseText never returns a text event; kept for exhaustiveness
    case "command":
      touchStreak(s.progress, ctx.now);
      runCommand(turn, parsed.text, parsed.stdin, before());
      break;
    case "help":
      giveHelp(turn);
      break;
    case "lesson":
      if (parsed.action === "list") listLessons(turn);
      else if (parsed.action === "start") startLesson(turn, parsed.lesson);
      else if (parsed.action === "next") nextStep(turn);
      else lessonStatus(turn);
      break;
    case "hint":
      giveHint(turn);
      break;
    case "solution":
      giveSolution(turn);
      break;
    case "quiz":
      askQuiz(turn);
      break;
    case "review":
      askReview(turn);
      break;
    case "answer":
      answerQuiz(turn, parsed.questionId, parsed.answer);
      break;
    case "skip":
      skipQuiz(turn);
      break;
    case "progress":
      turn.blocks.push(...progressBlocks(s.progress, ctx.content));
      break;
    case "reset":
      reset(turn, parsed.confirm === true, parsed.all === true, pendingReset);
      break;
    case "unknown":
      turn.blocks.push(...unknownReply(parsed.text));
      break;
  }
}

/**
 * One session, open: `apply` handles events one after another exactly as `handle` would on the
 * session saved after the previous one (same replies, same saved sessions), without restoring the
 * sandbox each time. Not safe to share between concurrent users of one session: whoever holds it
 * must drop it when the session it came from is replaced by someone else's write.
 */
export class LiveSession {
  #s: Session;
  #sim: Sim;
  /** The snapshot taken after the last command, reused as the next command's "before". */
  #kept: SnapshotAt | undefined;

  private constructor(s: Session, sim: Sim) {
    this.#s = s;
    this.#sim = sim;
  }

  /**
   * Opens `session` (never changed, nor kept: the sandbox is restored from a copy). Throws
   * TutorError("session-invalid") when the sandbox does not restore.
   */
  static open(session: Session): LiveSession {
    return new LiveSession(session, restore(session.sim));
  }

  /**
   * Handles one event: the sandbox's clock moves on by the real time since the last event (at most
   * `MAX_CATCH_UP_MS`), then the event runs. Reads no clock and no global random source.
   */
  apply(event: TutorEvent, ctx: HandleContext): TutorReply {
    // Copy everything but the sandbox (kept last) and a pending reset (this event answers it or
    // drops it): sessions returned by `save` must not change under their holder.
    const prev = this.#s;
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(prev) as (keyof Session)[])
      if (key !== "sim" && key !== "pendingReset") copy[key] = copyPlain(prev[key]);
    copy.sim = prev.sim;
    const s = copy as unknown as Session;
    this.#s = s;
    s.n = (s.n ?? 0) + 1;
    const pendingReset = prev.pendingReset;
    const pendingId = s.quiz.pending?.questionId;
    const pendingKind =
      pendingId === undefined ? undefined : ctx.content.questions.find((q) => q.id === pendingId)?.kind;
    const parsed: ParsedText =
      event.type === "text" ? parseText(event.text, event.stdin, s, pendingKind) : event;

    // The sandbox carries on from the last event as it stands: the simulator's controllers skip
    // work only while nothing they decide on changed, and keep what must outlive a restore (a
    // create admission refused, a FailedScheduling already reported) in the saved state, so an open
    // sandbox and one restored from the saved session reach the same state (live.test.ts checks it).
    const sim = this.#sim;
    const before = parsed.type === "command" ? this.#snapshot(sim) : undefined;
    const elapsed = Math.max(0, Math.min(MAX_CATCH_UP_MS, ctx.now - (s.lastEventAt ?? ctx.now)));
    if (elapsed > 0) sim.advance(elapsed);
    const turn: Turn = { s, sim, ctx, blocks: [], actions: [] };
    if (ctx.group) turn.blocks.push({ kind: "text", text: groupLine(ctx.actor.name, event, parsed) });
    dispatch(turn, parsed, () => before ?? snapshotAt(turn.sim, snapshot(turn.sim)), pendingReset);
    this.#sim = turn.sim;
    // An event that ran no command keeps the last snapshot of the same sandbox (used only while it
    // still shows it); a sandbox replaced by a reset or a lesson start lets the old one go.
    this.#kept = turn.after ?? (this.#kept?.sim === turn.sim ? this.#kept : undefined);
    s.lastEventAt = ctx.now;
    return { blocks: turn.blocks, actions: turn.actions };
  }

  /**
   * The open sandbox, to measure without saving it (its object count, say). Read only: a change
   * made through it would not be seen by the tutor's snapshots.
   */
  get sandbox(): Sim {
    return this.#sim;
  }

  /**
   * The session as it stands, to store. Its sandbox part shares data with the live sandbox: use it
   * (pack it, measure it) before the next `apply`, or copy it with structuredClone to keep it.
   */
  save(): Session {
    return { ...this.#s, sim: this.#sim.save() };
  }

  /**
   * The cluster as a snapshot: the one kept from the last command when nothing has changed since.
   * Every object write moves the state's resourceVersion counter (the stored form's own diff against
   * the bootstrap cluster relies on that too), and `az aks get-credentials` swaps the object map.
   */
  #snapshot(sim: Sim): SnapshotAt {
    const k = this.#kept;
    return k !== undefined && stillShows(k, sim) ? k : snapshotAt(sim, snapshot(sim));
  }
}

/** Opens a session for a run of events: see `LiveSession`. */
export function openSession(session: Session): LiveSession {
  return LiveSession.open(session);
}
