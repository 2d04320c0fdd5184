// Sessions stored as a packed text plus a log of events: what a turn writes, and that a record read
// back (by another engine, or by readStoredSession) is exactly the session the writing engine holds.

import { loadContentOrThrow, readContentDir } from "@bosun/tutor";
import { describe, expect, it } from "vitest";
import { EngineCore, type TurnAnswer } from "./engine-core.ts";
import { DefaultSessionLimits } from "./limits.ts";
import { silentLogger } from "./logger.ts";
import type { EventJob } from "./schemas.ts";
import { LOG_MAX_ENTRIES, LOG_MAX_ENTRY_BYTES, readStoredSession } from "./session-log.ts";

const content = loadContentOrThrow(readContentDir());
const ref = { platform: "slack", workspace: "T1", scope: "user", id: "U-log" } as const;
const T0 = Date.UTC(2026, 0, 5, 9);

let n = 0;
function job(text: string, stdin?: string): EventJob {
  n++;
  return {
    kind: "event",
    v: 1,
    eventId: `e${n}`,
    platform: "slack",
    actor: { id: "U-log", name: "learner" },
    sentAt: T0 + n * 7_000,
    target: { channel: "D1" },
    session: ref,
    event: stdin === undefined ? { type: "text", text } : { type: "text", text, stdin },
  };
}

/** A store record as the worker keeps it: the text, the log since, version and number. */
interface Record {
  version: number;
  applied: number;
  data?: string;
  log: string[];
}

/** Runs `j` on `core` as the worker would (cache hit when `hit`), commits the answer into `rec`. */
function turn(core: EngineCore, rec: Record, j: EventJob, hit: boolean): TurnAnswer & { kind: "done" } {
  const id = ++n;
  const req = hit
    ? { id, tag: "t", job: j, version: rec.version, applied: rec.applied }
    : rec.data === undefined
      ? { id, tag: "t", job: j, version: rec.version, applied: rec.applied, fresh: true }
      : { id, tag: "t", job: j, version: rec.version, applied: rec.applied, data: rec.data, log: rec.log };
  const a = core.turn(req);
  if (a.kind !== "done") throw new Error(`turn answered ${a.kind}`);
  rec.version++;
  rec.applied++;
  if (a.data !== undefined) {
    rec.data = a.data;
    rec.log = [];
  } else if (a.log !== undefined) rec.log.push(a.log);
  core.settle(id, { version: rec.version, applied: rec.applied });
  return a;
}

const engine = () => new EngineCore({ content, limits: DefaultSessionLimits, logger: silentLogger }, 10);
const replyOf = (a: TurnAnswer) => (a.kind === "done" ? JSON.stringify(a.reply.reply) : a.kind);

describe("a session's log", () => {
  it("packs the first event, logs small ones after it, and packs a manifest", () => {
    const core = engine();
    const rec: Record = { version: 0, applied: 0, log: [] };
    expect(
      turn(core, rec, job("kubectl create deployment web --image=nginx --replicas=2"), false).data,
    ).toBeDefined();
    const logged = turn(core, rec, job("kubectl get pods"), true);
    expect(logged.data).toBeUndefined();
    expect(logged.log).toBeDefined();
    expect(rec.log).toHaveLength(1);
    const manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  k: v\n";
    expect(turn(core, rec, job("kubectl apply -f -", manifest), true).data).toBeDefined();
    expect(rec.log).toEqual([]);
    // A line longer than an entry may be is packed too.
    const long = `kubectl get pods ${"-l app=web ".repeat(Math.ceil(LOG_MAX_ENTRY_BYTES / 11))}`;
    turn(core, rec, job("kubectl get pods"), true);
    expect(turn(core, rec, job(long), true).data).toBeDefined();
  });

  it(`packs again once the log holds ${LOG_MAX_ENTRIES} entries`, () => {
    const core = engine();
    const rec: Record = { version: 0, applied: 0, log: [] };
    turn(core, rec, job("kubectl create configmap c0 --from-literal=k=v"), false);
    for (let i = 1; i <= LOG_MAX_ENTRIES; i++) {
      const a = turn(core, rec, job(`kubectl create configmap c${i} --from-literal=k=v`), true);
      expect(a.log).toBeDefined();
      expect(rec.log).toHaveLength(i);
    }
    expect(turn(core, rec, job("kubectl get configmaps"), true).data).toBeDefined();
    expect(rec.log).toEqual([]);
  });

  it("read back by another engine (text + log replayed) answers as the engine that wrote it", () => {
    const writer = engine();
    const rec: Record = { version: 0, applied: 0, log: [] };
    turn(writer, rec, job("kubectl create deployment web --image=nginx:1.25 --replicas=3"), false);
    for (const line of [
      "kubectl get pods",
      "kubectl scale deployment web --replicas=5",
      "kubectl expose deployment web --port=80",
      "lesson list",
      "kubectl delete pod -l app=web --wait=false",
      "kubectl get pods -o wide",
    ])
      turn(writer, rec, job(line), true);
    expect(rec.log.length).toBeGreaterThan(3);
    const stored = structuredClone(rec);

    // The writer goes on from its open session; a second engine starts from the record.
    const next = job("kubectl describe deployment web");
    const warm = turn(writer, { ...structuredClone(stored) }, next, true);
    const reader = engine();
    const cold = turn(reader, { ...structuredClone(stored) }, next, false);
    expect(replyOf(cold)).toBe(replyOf(warm));
    // The cold turn rebuilt the session from a log, so it writes the whole text.
    expect(cold.data).toBeDefined();

    // readStoredSession gives the same session as the writer's.
    const read = readStoredSession(stored, ref, content);
    if (!read.ok) throw new Error(read.issues.join("; "));
    const packed = readStoredSession({ data: cold.data ?? "" }, ref, content);
    if (!packed.ok) throw new Error(packed.issues.join("; "));
    expect(packed.session.n).toBe((read.session.n ?? 0) + 1);
    expect(read.session.n).toBe(7);
  });

  it("a damaged log reads as a damaged session, not as a crash", () => {
    const core = engine();
    const rec: Record = { version: 0, applied: 0, log: [] };
    turn(core, rec, job("kubectl get pods"), false);
    turn(core, rec, job("kubectl get nodes"), true);
    for (const log of [["not json"], ['{"s":1}'], [rec.log[0] ?? "", rec.log[0] ?? ""]]) {
      const a = engine().turn({
        id: ++n,
        tag: "t",
        job: job("kubectl get pods"),
        version: rec.version,
        applied: rec.applied,
        ...(rec.data !== undefined ? { data: rec.data } : {}),
        log,
      });
      expect(a.kind).toBe("invalid");
      expect(readStoredSession({ ...rec, log }, ref, content).ok).toBe(false);
    }
    // A log without a text before it.
    expect(
      engine().turn({ id: ++n, tag: "t", job: job("kubectl get pods"), version: 1, applied: 1, log: rec.log })
        .kind,
    ).toBe("invalid");
  });
});
