// An app run as a real process (`node --import tsx <entry>`): its output, JSON log lines, exit and ports.

import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { REPO_ROOT } from "./paths.ts";
import { until } from "./wait.ts";

/** How a process ended. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A running app process. */
export interface AppProcess {
  child: ChildProcess;
  /** stdout lines parsed as JSON (pino's log lines), so far. */
  logs: Record<string, unknown>[];
  /** stdout lines that were not JSON. */
  notJson: string[];
  stdout(): string;
  stderr(): string;
  /** stdout and stderr, interleaved as they came. */
  output(): string;
  exit: Promise<Exit>;
  /** Resolves with the first log line whose `msg` is `msg`. */
  logged(msg: string, ms?: number): Promise<Record<string, unknown>>;
}

const running = new Set<ChildProcess>();

/**
 * Starts `node --import tsx <entry>` (a path from the repository root) with exactly `env` plus
 * PATH and HOME. Kill leftovers with {@link killApps} in afterEach/afterAll.
 */
export function spawnApp(entry: string, env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  const logs: Record<string, unknown>[] = [];
  const notJson: string[] = [];
  let out = "";
  let err = "";
  let both = "";
  let partial = "";
  child.stdout?.on("data", (d: Buffer) => {
    out += d;
    both += d;
    partial += d;
    const lines = partial.split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        notJson.push(line);
      }
    }
  });
  child.stderr?.on("data", (d: Buffer) => {
    err += d;
    both += d;
  });
  // "close", not "exit": by then stdout and stderr are read to the end.
  const exit = new Promise<Exit>((resolve) =>
    child.once("close", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  return {
    child,
    logs,
    notJson,
    stdout: () => out,
    stderr: () => err,
    output: () => both,
    exit,
    logged: (msg, ms = 60_000) => until(`the log line "${msg}"`, () => logs.find((l) => l.msg === msg), ms),
  };
}

/** SIGKILLs every app process still running. */
export function killApps(): void {
  for (const c of running) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  running.clear();
}

/** A port free on 127.0.0.1 right now (for an app that cannot be told to pick one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : 0));
    });
  });
}
