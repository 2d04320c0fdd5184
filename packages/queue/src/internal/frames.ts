// Progressive output for `kubectl rollout status` and `kubectl get … --watch`: the output as it grew.

import type { TutorReply } from "@bosun/tutor";

/** At most this many frames per reply (the reply schema allows 20). */
export const MAX_FRAMES = 20;
/** Output longer than this is sent whole, without frames. */
const MAX_FRAMED_CHARS = 64 * 1024;

/** Whether a command line prints progressively in a real terminal. */
export function isProgressive(line: string): boolean {
  const words = line.trim().split(/\s+/);
  if (words[0] !== "kubectl" && words[0] !== "k") return false;
  if (words[1] === "rollout" && words[2] === "status") return true;
  return words[1] === "get" && words.some((w) => w === "-w" || w === "--watch" || w.startsWith("--watch="));
}

/**
 * The frames of a progressive command's reply: cumulative line prefixes of its code output, oldest
 * first, the last being the whole output. With more lines than frames, the frames are spread evenly:
 * 45 lines give prefixes of 3, 5, 7, … 45 lines (rounded up to whole lines).
 */
export function framesOf(line: string, reply: TutorReply): string[] | undefined {
  if (!isProgressive(line)) return undefined;
  const code = reply.blocks.find((b) => b.kind === "code");
  if (code?.kind !== "code" || code.text.length > MAX_FRAMED_CHARS) return undefined;
  const lines = code.text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  if (lines.length < 2) return undefined;
  const n = Math.min(MAX_FRAMES, lines.length);
  const frames: string[] = [];
  for (let i = 1; i <= n; i++) {
    const upTo = Math.ceil((i * lines.length) / n);
    frames.push(`${lines.slice(0, upTo).join("\n")}\n`);
  }
  return frames;
}
