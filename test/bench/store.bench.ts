// Store figures: Redis memory of a fresh session and of one after five lessons, and the time to
// create 10,000 sessions against a baseline of 10,000 plain SETs of the same payload.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RedisStore, type SessionRef, sessionKey } from "@bosun/store";
import {
  type Content,
  handle,
  loadContentOrThrow,
  newSession,
  packSession,
  readContentDir,
  type Session,
  type TutorEvent,
} from "@bosun/tutor";
import { Redis } from "ioredis";
import { report } from "./report.ts";

/** The same fixed start and pace as `bosun chat`, so the five-lesson session matches its transcripts. */
const CHAT_START = Date.UTC(2025, 0, 6, 9, 0, 0);
const CHAT_STEP_MS = 5000;
/** In-flight requests while creating sessions: a few workers with BullMQ concurrency 8 each. */
const CONCURRENCY = 64;
const SESSIONS = 10_000;

const LESSONS_DIR = join(import.meta.dirname, "..", "chat", "scripts", "lessons");

/** A script's lines as chat events: `# comments` dropped, a `<<EOF` line takes its body as stdin. */
function scriptEvents(text: string): TutorEvent[] {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const events: TutorEvent[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    if (line === "" || line.startsWith("#")) continue;
    const m = /\s*<<-?\s*(['"]?)([A-Za-z_]\w*)\1\s*$/.exec(line);
    if (!m) {
      events.push({ type: "text", text: line });
      continue;
    }
    const body: string[] = [];
    for (i = i + 1; i < lines.length && (lines[i] ?? "").trim() !== m[2]; i++) body.push(lines[i] ?? "");
    events.push({
      type: "text",
      text: line.slice(0, m.index).trim(),
      stdin: body.length ? `${body.join("\n")}\n` : "",
    });
  }
  return events;
}

async function deleteByPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== "0");
}

/** Runs `n` tasks with at most `CONCURRENCY` in flight, as a worker pool would; returns the ms taken. */
async function pool(n: number, task: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) await task(next++);
    }),
  );
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function memoryUsage(redis: Redis, key: string): Promise<number> {
  return Number(await redis.call("MEMORY", "USAGE", key, "SAMPLES", "0"));
}

/** A session taken through lessons 1–5 by their chat scripts, every event sequenced and committed. */
async function fiveLessons(store: RedisStore, ref: SessionRef, content: Content): Promise<number> {
  let now = CHAT_START;
  let session: Session = newSession({ seed: 1, now });
  let version = 0;
  let n = 0;
  const files = readdirSync(LESSONS_DIR)
    .filter((f) => /^0[1-5]-.*\.script$/.test(f))
    .sort();
  for (const f of files)
    for (const event of scriptEvents(readFileSync(join(LESSONS_DIR, f), "utf8"))) {
      now += CHAT_STEP_MS;
      session = handle(session, event, { now, actor: { id: "bench", name: "bench" }, content }).session;
      const seq = await store.sequence(ref, `ev-${++n}`);
      const r = await store.commit(ref, { expectVersion: version, seq, data: packSession(session) });
      if (!r.ok) throw new Error(`five lessons: commit ${seq} conflicted`);
      version = r.version;
    }
  return n;
}

/**
 * session.redis_bytes.fresh and .five_lessons (MEMORY USAGE of the session key), and
 * sessions.create_10k_ms: sequence + commit for 10,000 new sessions, 64 in flight on one connection,
 * against 10,000 SETs of the same packed session on the same terms.
 */
export async function storeBench(redisUrl: string): Promise<void> {
  const prefix = `bench-store-${process.pid}-${Date.now()}`;
  const admin = new Redis(redisUrl);
  const store = new RedisStore({ redisUrl, prefix });
  try {
    const content = loadContentOrThrow(readContentDir());
    const fresh = packSession(newSession({ seed: 1, now: CHAT_START }));

    const one: SessionRef = { platform: "slack", workspace: "T0BENCH01", scope: "user", id: "U0BENCH001" };
    await store.commit(one, {
      expectVersion: 0,
      seq: await store.sequence(one, "Ev0BENCH0001"),
      data: fresh,
    });
    report({
      name: "session.redis_bytes.fresh",
      value: await memoryUsage(admin, sessionKey(prefix, one)),
      unit: "B",
      target: "<= 6144",
    });

    const learner: SessionRef = { ...one, id: "U0BENCH002" };
    const events = await fiveLessons(store, learner, content);
    const { data } = await store.load(learner);
    report({
      name: "session.redis_bytes.five_lessons",
      value: await memoryUsage(admin, sessionKey(prefix, learner)),
      unit: "B",
    });
    report({ name: "session.packed_bytes.five_lessons", value: data?.length ?? 0, unit: "B" });
    report({ name: "session.events.five_lessons", value: events, unit: "events" });

    const refOf = (i: number): SessionRef => ({ ...one, id: `U${String(i).padStart(9, "0")}` });
    const create = async (i: number) => {
      const ref = refOf(i);
      const seq = await store.sequence(ref, `Ev${i}`);
      const r = await store.commit(ref, { expectVersion: 0, seq, data: fresh });
      if (!r.ok) throw new Error(`session ${i}: commit conflicted`);
    };
    // Warm both paths (JIT, script cache, connection buffers) so neither pays for it in its timing.
    await pool(1000, (i) => admin.set(`${prefix}:warm:${i}`, fresh));
    await pool(1000, (i) => create(SESSIONS + i));
    const baseline = await pool(SESSIONS, (i) => admin.set(`${prefix}:plain:${i}`, fresh));
    const created = await pool(SESSIONS, create);
    report({ name: "sessions.create_10k_ms", value: created, unit: "ms", baseline });
  } finally {
    await store.close();
    await deleteByPrefix(admin, prefix);
    await admin.quit();
  }
}
