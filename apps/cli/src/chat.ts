// `bosun chat`: runs a script through the tutor, as a learner typing in chat, and prints each reply.

import { type Content, handle, newSession, renderText, type Session } from "@bosun/tutor";
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

/**
 * Runs every line of `script` through the tutor engine and returns the transcript: `NAME> <line>`
 * (heredoc bodies included), then the reply as plain text and a blank line. `# comments` are
 * echoed and take no time; every other line happens CHAT_STEP_MS after the one before.
 */
export function chat(script: string, opts: ChatOptions): string {
  let now = CHAT_START;
  let session: Session = newSession({
    seed: opts.seed,
    now,
    ...(opts.profile ? { profile: opts.profile } : {}),
  });
  let out = "";
  for (const step of parseScript(script)) {
    if (step.kind === "comment") {
      out += `${step.text}\n`;
      continue;
    }
    const who = opts.group ? SPEAKER.exec(step.line) : null;
    const name = who?.[1] ?? opts.user;
    const line = who?.[2] ?? step.line;
    const heredoc = step.kind === "command" && step.stdin !== undefined;
    out += `${name}> ${line}${heredoc ? " <<EOF" : ""}\n`;
    if (step.kind === "error") {
      out += `bosun: ${step.message}\n\n`;
      continue;
    }
    if (heredoc) out += `${step.stdin}EOF\n`;
    now += CHAT_STEP_MS;
    const r = handle(
      session,
      { type: "text", text: line, ...(step.stdin !== undefined ? { stdin: step.stdin } : {}) },
      { now, actor: { id: name, name }, content: opts.content, ...(opts.group ? { group: true } : {}) },
    );
    session = r.session;
    out += `${renderText(r.reply, { colour: opts.colour === true })}\n`;
  }
  return out;
}
