// The turn thread: ordinary turns move to it while the worker is busy and come back when it is quiet,
// and wherever a turn runs, its answer is the one a single engine on this thread gives.

import { loadContentOrThrow, readContentDir } from "@bosun/tutor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EnginePool, type TurnRecord } from "./engine-pool.ts";
import { DefaultSessionLimits } from "./limits.ts";
import { silentLogger } from "./logger.ts";
import type { EventJob } from "./schemas.ts";
import { readStoredSession } from "./session-log.ts";

const content = loadContentOrThrow(readContentDir());
const init = { content, limits: DefaultSessionLimits, cacheSize: 50 };

const TAG = "slack:T1:u:U1";
let n = 0;
const job = (text: string): EventJob => ({
  kind: "event",
  v: 1,
  eventId: `e${++n}`,
  platform: "slack",
  actor: { id: "U1", name: "u" },
  sentAt: 1_767_225_600_000 + n * 1500,
  target: { channel: "C1" },
  session: { platform: "slack", workspace: "T1", scope: "user", id: "U1" },
  event: { type: "text", text },
});

/** A session record as a store would keep it, and one engine's turns committed onto it. */
class Record {
  rec: TurnRecord = { version: 0, applied: 0 };

  /** Runs `j` as the worker does: on the open session if the engine holds it, else from the record. */
  async turn(pool: EnginePool, j: EventJob) {
    const seq = this.rec.applied + 1;
    const t = pool.early(TAG, j, seq) ?? pool.run(TAG, j, this.rec);
    const a = await t.answer;
    if (a.kind !== "done") throw new Error(`turn answered ${a.kind}`);
    const version = this.rec.version + 1;
    t.settle({ version, applied: seq });
    const log =
      a.data !== undefined ? [] : [...(this.rec.log ?? []), ...(a.log !== undefined ? [a.log] : [])];
    const data = a.data ?? this.rec.data;
    this.rec = { version, applied: seq, ...(data !== undefined ? { data } : {}), log };
    return a.reply.reply;
  }
}

const LINES = [
  "kubectl create deployment web --image=nginx:1.25 --replicas=2",
  "kubectl get pods",
  "kubectl scale deployment web --replicas=3",
  "kubectl get deployment web",
  "kubectl describe deployment web",
  "kubectl expose deployment web --port=80",
  "kubectl get svc",
  "kubectl scale deployment web --replicas=1",
  "kubectl get pods -l app=web",
  "kubectl get events",
];

describe("the turn thread", () => {
  let load = 1;
  let pool: EnginePool;
  let solo: EnginePool;
  beforeAll(async () => {
    pool = new EnginePool({
      threads: 0,
      turnThread: true,
      load: () => load,
      moveCooldownMs: 0,
      init,
      logger: silentLogger,
    });
    solo = new EnginePool({ threads: 0, init, logger: silentLogger });
    await pool.start();
  }, 60_000);
  afterAll(async () => {
    await pool?.close();
    await solo?.close();
  });

  it("takes ordinary turns while the worker is busy, gives them back when it is quiet, and answers as one engine does", async () => {
    const moved: string[] = [];
    const [a, b] = [new Record(), new Record()];
    // Quiet, busy, quiet again: each phase long enough for the averaged load to cross its threshold
    // (coming down from a busy spell takes a few dozen turns).
    const phases = [
      { load: 1, times: 1 },
      { load: 32, times: 1 },
      { load: 1, times: 5 },
    ];
    for (const phase of phases) {
      load = phase.load;
      for (const line of Array.from({ length: phase.times }, () => LINES).flat()) {
        const j = job(line);
        const logBefore = a.rec.log?.length ?? 0;
        const [here, alone] = await Promise.all([a.turn(pool, j), b.turn(solo, j)]);
        expect(here).toEqual(alone);
        const where = pool.whereOpen(TAG) ?? "none";
        // A session moves only from its full text: the turn before a move packed it, so the
        // other side opens it without replaying a log.
        if (moved.length > 0 && where !== moved.at(-1)) expect(logBefore).toBe(0);
        moved.push(where);
      }
    }
    expect(moved.slice(0, LINES.length).every((w) => w === "inline")).toBe(true);
    expect(moved.slice(LINES.length, 2 * LINES.length)).toContain("turn-thread");
    expect(moved.at(-1)).toBe("inline");
    // The stored records may split text and log differently (a moved session is packed whole), but
    // they hold the same session.
    const ref = job("").session;
    const [x, y] = [a, b].map((r) => readStoredSession(r.rec, ref, content));
    expect(x?.ok && y?.ok).toBe(true);
    expect(x).toEqual(y);
  }, 60_000);

  it("keeps a session where it is open for the cooldown, however the load swings", async () => {
    const sticky = new EnginePool({
      threads: 0,
      turnThread: true,
      load: () => load,
      moveCooldownMs: 60_000,
      init,
      logger: silentLogger,
    });
    try {
      await sticky.start();
      const r = new Record();
      load = 32;
      await r.turn(sticky, job(LINES[0] ?? ""));
      expect(sticky.whereOpen(TAG)).toBe("turn-thread");
      load = 1;
      for (let i = 0; i < 30; i++) await r.turn(sticky, job("kubectl get pods"));
      // The session has not moved since it opened: it moves at most once per cooldown.
      expect(sticky.whereOpen(TAG)).toBe("turn-thread");
    } finally {
      await sticky.close();
    }
  }, 60_000);
});
