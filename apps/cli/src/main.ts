#!/usr/bin/env -S node --import tsx
// bosun: the terminal tutor. `start` is the interactive tutor, `chat` and `play` run scripts, `sandbox` is a bare cluster.

import { readFileSync } from "node:fs";
import { loadContentOrThrow, readContentDir } from "@bosun/tutor";
import { isProfile, parseArgs, USAGE } from "./args.ts";
import { chat } from "./chat.ts";
import { messageOf } from "./errors.ts";
import { play } from "./play.ts";
import { runWithRedis } from "./redis-command.ts";
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
  if (args.profile !== undefined && !isProfile(args.profile)) {
    process.stderr.write(`bosun: unknown profile "${args.profile}" (fast, realistic or chaos)\n`);
    return 2;
  }
  const profile = args.profile ? { profile: args.profile } : {};
  const colour = process.stdout.isTTY === true;
  if (args.command === "sandbox") {
    await repl({ seed: args.seed ?? Date.now() % 2 ** 32, ...profile });
    return 0;
  }
  if (args.command === "play" && args.redis === undefined) {
    process.stdout.write(play(readStdin(), { seed: args.seed ?? 1, ...profile, colour }));
    return 0;
  }
  const content = () => loadContentOrThrow(readContentDir());
  if (args.redis === undefined) {
    if (args.command === "chat") {
      process.stdout.write(
        chat(readStdin(), {
          seed: args.seed ?? 1,
          user: args.user ?? "learner",
          content: content(),
          ...profile,
          group: args.group,
          colour,
        }),
      );
      return 0;
    }
    await tutor({
      seed: args.seed ?? Date.now() % 2 ** 32,
      user: args.user ?? defaultUser(),
      content: content(),
      ...profile,
    });
    return 0;
  }

  // --redis: the same three commands, through the commands queue, a worker and a Redis session.
  return runWithRedis({
    command: args.command,
    redisUrl: args.redis,
    queuePrefix: args.queuePrefix,
    storePrefix: args.storePrefix,
    seed: args.seed,
    ...(args.profile !== undefined ? { profile: args.profile } : {}),
    user: args.user ?? (args.command === "start" ? defaultUser() : "learner"),
    group: args.group,
    colour,
    script: args.command === "start" ? "" : readStdin(),
    content,
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bosun: ${messageOf(err)}\n`);
    process.exitCode = 1;
  },
);
