// Shared material of the `bosun --redis` suites: the scripts, their in-process transcripts, and Redis key checks.

import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { COMMANDS_QUEUE } from "@bosun/queue";
import { type Content, loadContentOrThrow, readContentDir } from "@bosun/tutor";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { REPO_ROOT } from "../support/paths.ts";

const GOLDEN_DIR = fileURLToPath(new URL("../golden/scripts/", import.meta.url));
const CHAT_DIR = fileURLToPath(new URL("../chat/scripts/", import.meta.url));
const LESSON_DIR = join(CHAT_DIR, "lessons");

export interface ScriptFile {
  name: string;
  path: string;
  text: string;
}

function scriptsIn(dir: string): ScriptFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".script"))
    .sort()
    .map((name) => ({ name, path: join(dir, name), text: readFileSync(join(dir, name), "utf8") }));
}

/** Every golden play script (`test/golden/scripts`). */
export const goldenScripts = (): ScriptFile[] => scriptsIn(GOLDEN_DIR);
/** Every lesson's chat script (`test/chat/scripts/lessons`). */
export const lessonScripts = (): ScriptFile[] => scriptsIn(LESSON_DIR);
/** The hand-written chat scripts (quiz, reset, group, …). */
export const handWrittenChatScripts = (): ScriptFile[] => scriptsIn(CHAT_DIR);

let content: Content | undefined;
/** Lessons and quiz bank, loaded once per test file. */
export function testContent(): Content {
  content ??= loadContentOrThrow(readContentDir());
  return content;
}

/** Every key matching `pattern` (SCAN, never KEYS), sorted; `prefix` alone means `prefix:*`. */
export async function keysUnder(
  redisUrl: string,
  prefix: string,
  pattern = `${prefix}:*`,
): Promise<string[]> {
  const r = new Redis(redisUrl, { lazyConnect: true });
  await r.connect();
  try {
    const keys: string[] = [];
    let cursor = "0";
    do {
      const [next, batch] = await r.scan(cursor, "MATCH", pattern, "COUNT", 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== "0");
    return keys.sort();
  } finally {
    await r.quit();
  }
}

/** What a run of the real `bosun` binary printed and how it ended. */
export interface BosunRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node --import tsx apps/cli/src/main.ts <args>` with `input` on stdin. A run still going after
 * `timeoutMs` is killed (SIGKILL) and comes back with `signal` set, so a hang fails the test instead
 * of stalling the suite.
 */
export function runBosun(
  args: string[],
  opts: { input?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<BosunRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "apps/cli/src/main.ts", ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...opts.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 30_000);
    child.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(opts.input ?? "");
  });
}

/** Deletes a test's commands queue (jobs are kept a day for dedup; a test cleans its own up). */
export async function obliterateCommands(redisUrl: string, prefix: string): Promise<void> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const q = new Queue(COMMANDS_QUEUE, { connection, prefix });
  try {
    await q.obliterate({ force: true });
  } finally {
    await q.close();
    await connection.quit();
  }
}
