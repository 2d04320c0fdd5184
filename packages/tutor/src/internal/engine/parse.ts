// Reads a chat line into a TutorEvent: commands, tutor words (`hint`, `lesson start 3`) and quiz answers.

import type { Session, TutorEvent } from "../model.ts";

/** What a line of chat means; `unknown` lines get a friendly reply with suggestions. */
export type ParsedText = TutorEvent | { type: "unknown"; text: string };

const COMMAND = /^(kubectl|k|az|sleep)(\s|$)/;
const CHOICE = /^[a-e]$/i;
const TRUTH = /^(true|false|t|f|yes|no)$/i;

/**
 * Parses one line typed in chat. `session` matters only for a pending quiz question: then `a`,
 * `true` or, for a type-the-command question, a kubectl line is the answer (`skip` drops it).
 * `kind` is the pending question's kind, when the caller knows it.
 */
export function parseText(
  text: string,
  stdin: string | undefined,
  session: Pick<Session, "quiz">,
  pendingKind?: "choice" | "truefalse" | "command",
): ParsedText {
  const line = text.trim().replace(/^\/?bosun\s+/, "");
  const words = line.toLowerCase().split(/\s+/).filter(Boolean);
  const pending = session.quiz.pending;
  if (pending) {
    const answerWord = /^answer\s+(.+)$/i.exec(line)?.[1];
    if (answerWord) return { type: "answer", questionId: pending.questionId, answer: answerWord };
    if (line.toLowerCase() === "skip") return { type: "skip" };
    const isAnswer =
      pendingKind === "command"
        ? COMMAND.test(line) && !line.startsWith("sleep")
        : CHOICE.test(line) || TRUTH.test(line);
    if (isAnswer) return { type: "answer", questionId: pending.questionId, answer: line };
  }
  if (COMMAND.test(line)) return { type: "command", text: line, ...(stdin !== undefined ? { stdin } : {}) };
  const [w0 = "", w1, w2, w3] = words;
  switch (w0) {
    case "help":
    case "?":
      return { type: "help" };
    case "hint":
      return { type: "hint" };
    case "solution":
    case "solve":
      return { type: "solution" };
    case "quiz":
      return { type: "quiz" };
    case "review":
      return { type: "review" };
    case "progress":
    case "stats":
      return { type: "progress" };
    case "next":
      return { type: "lesson", action: "next" };
    case "lessons":
      return { type: "lesson", action: "list" };
    case "skip":
      return { type: "skip" };
    case "reset": {
      const all = w1 === "all";
      const confirm = (all ? w2 : w1) === "confirm";
      if (words.length === 1 + (all ? 1 : 0) + (confirm ? 1 : 0))
        return { type: "reset", ...(confirm ? { confirm } : {}), ...(all ? { all } : {}) };
      break;
    }
    case "lesson":
      return parseLesson(w1, w2, w3, line);
  }
  return { type: "unknown", text: line };
}

/** `lesson`, `lesson list`, `lesson start 3`, `lesson 3`, `lesson next`, `lesson status`. */
function parseLesson(
  w1: string | undefined,
  w2: string | undefined,
  w3: string | undefined,
  line: string,
): ParsedText {
  const num = (s: string | undefined) => (s !== undefined && /^\d{1,3}$/.test(s) ? Number(s) : undefined);
  if (w1 === undefined || w1 === "status")
    return w2 === undefined ? { type: "lesson", action: "status" } : unknown(line);
  if (w1 === "list") return w2 === undefined ? { type: "lesson", action: "list" } : unknown(line);
  if (w1 === "next") return w2 === undefined ? { type: "lesson", action: "next" } : unknown(line);
  if (w1 === "start" && w2 === undefined) return { type: "lesson", action: "start" };
  const n = w1 === "start" ? num(w2) : num(w1);
  const extra = w1 === "start" ? w3 : w2;
  if (n !== undefined && extra === undefined) return { type: "lesson", action: "start", lesson: n };
  return unknown(line);
}

function unknown(text: string): ParsedText {
  return { type: "unknown", text };
}
