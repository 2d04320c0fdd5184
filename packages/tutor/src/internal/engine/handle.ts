// The tutor engine's entry point: one event in, the next session and a reply out. Pure and deterministic.

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
import type { HandleContext, Turn } from "./turn.ts";
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

function restore(stored: Session["sim"]): Sim {
  try {
    return Sim.restore(stored);
  } catch (cause) {
    throw new TutorError("session-invalid", "the session's sandbox does not restore", [], { cause });
  }
}

/**
 * Handles one event for one session and returns the new session and the reply. Never changes
 * `session`; reads no clock (`ctx.now` is the event's real time) and no global random source.
 * Before anything else the sandbox's clock moves on by the real time since the last event (at
 * most `MAX_CATCH_UP_MS`). Throws TutorError("session-invalid") only for a corrupt session.
 */
export function handle(
  session: Session,
  event: TutorEvent,
  ctx: HandleContext,
): { session: Session; reply: TutorReply } {
  // Copy everything but the sandbox: Sim.restore copies that itself, and the turn replaces it.
  const { sim: stored, ...rest } = session;
  const s: Session = { ...structuredClone(rest), sim: stored };
  s.n = (s.n ?? 0) + 1;
  const pendingReset = s.pendingReset;
  delete s.pendingReset;
  const pendingKind = ctx.content.questions.find((q) => q.id === s.quiz.pending?.questionId)?.kind;
  const parsed: ParsedText =
    event.type === "text" ? parseText(event.text, event.stdin, s, pendingKind) : event;

  const sim = restore(s.sim);
  const before = parsed.type === "command" ? snapshot(sim) : undefined;
  const elapsed = Math.max(0, Math.min(MAX_CATCH_UP_MS, ctx.now - (s.lastEventAt ?? ctx.now)));
  if (elapsed > 0) sim.advance(elapsed);
  const turn: Turn = { s, sim, ctx, blocks: [], actions: [] };
  if (ctx.group) turn.blocks.push({ kind: "text", text: groupLine(ctx.actor.name, event, parsed) });

  switch (parsed.type) {
    case "text": // parseText never returns a text event; kept for exhaustiveness
    case "command":
      touchStreak(s.progress, ctx.now);
      runCommand(turn, parsed.text, parsed.stdin, before ?? snapshot(turn.sim));
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
  s.sim = turn.sim.save();
  s.lastEventAt = ctx.now;
  return { session: s, reply: { blocks: turn.blocks, actions: turn.actions } };
}
