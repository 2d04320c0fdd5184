// `bosun chat`: runs a script through the tutor, as a learner typing in chat, and prints each reply.

import { type Content, handle, newSession, renderText, type Session, type TutorEvent } from "@bosun/tutor";
import { parseScript } from "./script.ts";

export interface ChatOptions {
  seed: number;
  user: string;
  content: Content;
  profile?: string;
  /** Group sandbox: a line `sam: kubectl get pods` is sam's; replies say who ran what. */
  group?: boolean;
  colour?: boolean;
}

/** Real time of the script's first line: a fixed instant, so transcripts never depend on the clock. */
export const CHAT_START = Date.UTC(2025, 0, 6, 9, 0, 0);
/** Real time between two lines of a script: the learner takes 5 seconds to type each one. */
export const CHAT_STEP_MS = 5000;

const SPEAKER = /^([\w.-]{1,32}):\s+(.*)$/;

/** One line of a chat script: what the transcript echoes, and the event it sends (if any). */
export interface ChatTurn {
  /** `NAME> <line>` (with its heredoc body), a `# comment`, or a script error, each with its newline. */
  echo: string;
  /** Absent for comments and script errors, which take no time and get no reply. */
  send?: {
    event: TutorEvent;
    /** Who typed it: the `--user`, or in group mode the line's `name:`. */
    name: string;
    /** The real time it was typed: CHAT_START + n × CHAT_STEP_MS for the n-th event. */
    at: number;
  };
}

/**
 * Splits `script` into turns. Shared by the in-process transcript and `--redis`, so both echo the
 * same lines and send the same events at the same virtual times.
 */
export function chatTurns(script: string, opts: { user: string; group?: boolean }): ChatTurn[] {
  let now = CHAT_START;
  const turns: ChatTurn[] = [];
  for (const step of parseScript(script)) {
    if (step.kind === "comment") {
      turns.push({ echo: `${step.text}\n` });
      continue;
    }
    const who = opts.group ? SPEAKER.exec(step.line) : null;
    const name = who?.[1] ?? opts.user;
    const line = who?.[2] ?? step.line;
    const heredoc = step.kind === "command" && step.stdin !== undefined;
    const echo = `${name}> ${line}${heredoc ? " <<EOF" : ""}\n`;
    if (step.kind === "error") {
      turns.push({ echo: `${echo}bosun: ${step.message}\n\n` });
      continue;
    }
    now += CHAT_STEP_MS;
    turns.push({
      echo: heredoc ? `${echo}${step.stdin}EOF\n` : echo,
      send: {
        event: { type: "text", text: line, ...(step.stdin !== undefined ? { stdin: step.stdin } : {}) },
        name,
        at: now,
      },
    });
  }
  return turns;
}

/**
 * Runs every line of `script` through the tutor engine and returns the transcript: `NAME> <line>`
 * (heredoc bodies included), then the reply as plain text and a blank line. `# comments` are
 * echoed and take no time; every other line happens CHAT_STEP_MS after the one before.
 */
export function chat(script: string, opts: ChatOptions): string {
  let session: Session = newSession({
    seed: opts.seed,
    now: CHAT_START,
    ...(opts.profile ? { profile: opts.profile } : {}),
  });
  let out = "";
  for (const turn of chatTurns(script, opts)) {
    out += turn.echo;
    if (!turn.send) continue;
    const { event, name, at } = turn.send;
    const r = handle(session, event, {
      now: at,
      actor: { id: name, name },
      content: opts.content,
      ...(opts.group ? { group: true } : {}),
    });
    session = r.session;
    out += `${renderText(r.reply, { colour: opts.colour === true })}\n`;
  }
  return out;
}
