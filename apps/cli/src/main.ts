#!/usr/bin/env -S node --import tsx
// bosun: the terminal tutor. `start` is the interactive tutor, `chat` and `play` run scripts, `sandbox` is a bare cluster.

import { readFileSync } from "node:fs";
import { loadContentOrThrow, readContentDir } from "@bosun/tutor";
import { parseArgs, USAGE } from "./args.ts";
import { chat } from "./chat.ts";
import { play } from "./play.ts";
import { repl } from "./repl.ts";
import { tutor } from "./tutor.ts";

function readStdin(): string {
  try {
    return readFileSync(0, "utf8");
  } catch {
    return "";
  }
}

/** The learner's name when none is given: the login name if it is a plain word. */
function defaultUser(): string {
  const login = process.env.USER ?? process.env.USERNAME ?? "";
  return /^[\w.-]{1,32}$/.test(login) ? login : "you";
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
  const profile = args.profile ? { profile: args.profile } : {};
  if (args.command === "play") {
    process.stdout.write(
      play(readStdin(), { seed: args.seed ?? 1, ...profile, colour: process.stdout.isTTY === true }),
    );
    return 0;
  }
  if (args.command === "sandbox") {
    await repl({ seed: args.seed ?? Date.now() % 2 ** 32, ...profile });
    return 0;
  }
  const content = loadContentOrThrow(readContentDir());
  if (args.command === "chat") {
    process.stdout.write(
      chat(readStdin(), {
        seed: args.seed ?? 1,
        user: args.user ?? "learner",
        content,
        ...profile,
        group: args.group,
        colour: process.stdout.isTTY === true,
      }),
    );
    return 0;
  }
  await tutor({
    seed: args.seed ?? Date.now() % 2 ** 32,
    user: args.user ?? defaultUser(),
    content,
    ...profile,
  });
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
