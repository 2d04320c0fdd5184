#!/usr/bin/env -S node --import tsx
// bosun: the terminal tutor. `bosun play` runs scripts; `bosun start` is the interactive session.

import { readFileSync } from "node:fs";
import { parseArgs, USAGE } from "./args.ts";
import { play } from "./play.ts";
import { repl } from "./repl.ts";

function readStdin(): string {
  try {
    return readFileSync(0, "utf8");
  } catch {
    return "";
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.command === "help") {
    if (args.error) process.stderr.write(`bosun: ${args.error}\n`);
    process.stdout.write(`${USAGE}\n`);
    return args.error ? 2 : 0;
  }
  if (args.profile && !["fast", "realistic", "chaos"].includes(args.profile)) {
    process.stderr.write(`bosun: unknown profile "${args.profile}" (fast, realistic or chaos)\n`);
    return 2;
  }
  if (args.command === "play") {
    process.stdout.write(
      play(readStdin(), {
        seed: args.seed ?? 1,
        ...(args.profile ? { profile: args.profile } : {}),
        colour: process.stdout.isTTY === true,
      }),
    );
    return 0;
  }
  await repl({ seed: args.seed ?? Date.now() % 2 ** 32, ...(args.profile ? { profile: args.profile } : {}) });
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bosun: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
