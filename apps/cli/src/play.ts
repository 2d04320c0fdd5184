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

/** One step of a play script: what the transcript shows first, and the command to run (if any). */
export interface PlayTurn {
  /** `$ <line>`, a `# comment`, or `$ <line>` and a script error, each with its newline. */
  echo: string;
  run?: { line: string; stdin?: string };
}

/** Splits `script` into turns; shared by the in-process transcript and `--redis`. */
export function playTurns(script: string, colour = false): PlayTurn[] {
  const turns: PlayTurn[] = [];
  for (const step of parseScript(script)) {
    if (step.kind === "comment") {
      turns.push({ echo: colour ? `${DIM}${step.text}${RESET}\n` : `${step.text}\n` });
      continue;
    }
    const echo = colour ? `${BOLD}$ ${step.line}${RESET}\n` : `$ ${step.line}\n`;
    if (step.kind === "error") turns.push({ echo: `${echo}bosun: ${step.message}\n` });
    else
      turns.push({
        echo,
        run: { line: step.line, ...(step.stdin !== undefined ? { stdin: step.stdin } : {}) },
      });
  }
  return turns;
}

/** Runs every step and returns the transcript: `$ <line>` then the command's output. */
export function play(script: string, opts: PlayOptions): string {
  const sim = Sim.create({ seed: opts.seed, ...(opts.profile ? { profile: opts.profile } : {}) });
  const c = opts.colour === true;
  let out = "";
  for (const turn of playTurns(script, c)) {
    out += turn.echo;
    if (!turn.run) continue;
    const r = sim.exec(turn.run.line, turn.run.stdin);
    for (const chunk of r.chunks)
      out += c && chunk.stream === "err" ? `${RED}${chunk.text}${RESET}` : chunk.text;
  }
  return out;
}
