// `bosun play`: runs a script against a fresh simulated cluster and prints a plain transcript.

import { Sim } from "@bosun/sim";
import { parseScript } from "./script.ts";

export interface PlayOptions {
  seed: number;
  profile?: string;
  colour?: boolean;
}

const BOLD = "\u001b[1m";
const RED = "\u001b[31m";
const DIM = "\u001b[2m";
const RESET = "\u001b[0m";

/** Runs every step and returns the transcript: `$ <line>` then the command's output. */
export function play(script: string, opts: PlayOptions): string {
  const sim = Sim.create({ seed: opts.seed, ...(opts.profile ? { profile: opts.profile } : {}) });
  const c = opts.colour === true;
  let out = "";
  for (const step of parseScript(script)) {
    if (step.kind === "comment") {
      out += c ? `${DIM}${step.text}${RESET}\n` : `${step.text}\n`;
      continue;
    }
    out += c ? `${BOLD}$ ${step.line}${RESET}\n` : `$ ${step.line}\n`;
    if (step.kind === "error") {
      out += `bosun: ${step.message}\n`;
      continue;
    }
    const r = sim.exec(step.line, step.stdin);
    for (const chunk of r.chunks)
      out += c && chunk.stream === "err" ? `${RED}${chunk.text}${RESET}` : chunk.text;
  }
  return out;
}
