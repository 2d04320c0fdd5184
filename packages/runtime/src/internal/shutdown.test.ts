// Graceful shutdown: close then exit 0, exit 1 on failure, on timeout and on a second signal.

import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { stopOnSignals } from "./shutdown.ts";

function setup(close: () => Promise<void>, timeoutMs = 60_000) {
  const emitter = new EventEmitter();
  const logs: string[] = [];
  let resolveExit: (code: number) => void = () => {};
  const exited = new Promise<number>((r) => {
    resolveExit = r;
  });
  const codes: number[] = [];
  const log = (_o: object, msg?: string) => logs.push(msg ?? "");
  stopOnSignals({
    close,
    timeoutMs,
    logger: { info: log, warn: log, error: log },
    messages: { stopping: "stopping now" },
    emitter,
    exit: (code) => {
      codes.push(code);
      resolveExit(code);
    },
  });
  return { emitter, logs, exited, codes };
}

describe("stopOnSignals", () => {
  it("closes on SIGTERM and exits 0", async () => {
    let closed = false;
    const s = setup(async () => {
      closed = true;
    });
    s.emitter.emit("SIGTERM", "SIGTERM");
    expect(await s.exited).toBe(0);
    expect(closed).toBe(true);
    expect(s.logs).toEqual(["stopping now"]);
  });

  it("exits 1 when closing fails", async () => {
    const s = setup(() => Promise.reject(new Error("stuck")));
    s.emitter.emit("SIGINT", "SIGINT");
    expect(await s.exited).toBe(1);
    expect(s.logs).toEqual(["stopping now", "error while stopping"]);
  });

  it("exits 1 at once on a second signal, and when closing outlasts the deadline", async () => {
    const s = setup(() => new Promise<void>(() => {}), 50);
    s.emitter.emit("SIGTERM", "SIGTERM");
    s.emitter.emit("SIGTERM", "SIGTERM");
    expect(s.codes).toEqual([1]);
    await new Promise<void>((r) => {
      const poll = () => (s.codes.length === 2 ? r() : setTimeout(poll, 10));
      poll();
    });
    expect(s.codes).toEqual([1, 1]);
    expect(s.logs).toEqual([
      "stopping now",
      "second signal: exiting without waiting",
      "shutdown timed out; exiting",
    ]);
  });
});
