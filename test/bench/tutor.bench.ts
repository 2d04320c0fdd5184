// Tutor figures: what the tutor adds to a chat command (check, diff, coach, hint), and a session's size.

import { Sim } from "@bosun/sim";
import {
  type Content,
  handle,
  loadContentOrThrow,
  newSession,
  packSession,
  parseScriptItem,
  readContentDir,
  type Session,
} from "../../packages/tutor/src/index.ts";
import { report } from "./report.ts";

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const actor = { id: "bench", name: "bench" };

/** The commands a learner types most while on lesson 5's last step: reads, a scale, a delete, an apply. */
const MIX = [
  "kubectl get pods",
  "kubectl get deployment web",
  "kubectl scale deployment web --replicas=4",
  "kubectl describe deployment web",
  "kubectl get pods -l app=web",
  "kubectl scale deployment web --replicas=5",
  "kubectl get nodes",
  "kubectl get svc",
];

/** A session that has done lessons 1 to 4 and is on lesson 5's last step, with web running 5 pods. */
function lessonFiveSession(content: Content): { session: Session; now: number } {
  let now = T0;
  let session = newSession({ seed: 1, now });
  const say = (text: string, stdin?: string) => {
    now += 5000;
    session = handle(
      session,
      { type: "text", text, ...(stdin !== undefined ? { stdin } : {}) },
      { now, actor, content },
    ).session;
  };
  for (const n of [1, 2, 3, 4, 5]) {
    say(`lesson start ${n}`);
    const steps = content.lessons.find((l) => l.number === n)?.steps ?? [];
    // Lesson 5 stops before its last step, so every bench command is checked against a live step.
    for (const step of n === 5 ? steps.slice(0, -1) : steps)
      for (const item of step.solution) {
        const p = parseScriptItem(item);
        if (p.ok) say(p.command.line, p.command.stdin);
      }
  }
  return { session, now };
}

/** Median of `rounds` timings (µs per command) of running the whole mix with `run`. */
function medianMicros(rounds: number, run: (line: string, i: number) => void): number {
  const per: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = process.hrtime.bigint();
    for (const [i, line] of MIX.entries()) run(line, i);
    per.push(Number(process.hrtime.bigint() - t) / 1e3 / MIX.length);
  }
  per.sort((a, b) => a - b);
  return per[Math.floor(per.length / 2)] ?? 0;
}

/**
 * tutor.overhead_ratio: a chat command through `handle` against the same command as a worker would run
 * it without the tutor (restore the stored sandbox, advance the clock, exec, save), on the same
 * session and mix, each command starting from the same stored state. session.json_bytes.five_lessons:
 * the session's JSON after five lessons, and packed as a store keeps it.
 */
export function tutorBench(): void {
  const content = loadContentOrThrow(readContentDir());
  const { session, now } = lessonFiveSession(content);
  const bare = (line: string) => {
    const sim = Sim.restore(session.sim);
    sim.advance(5000);
    sim.exec(line);
    sim.save();
  };
  const tutor = (line: string) => {
    handle(session, { type: "text", text: line }, { now: now + 5000, actor, content });
  };
  // Warm up both paths, then interleave rounds so that both see the same machine state.
  medianMicros(20, bare);
  medianMicros(20, tutor);
  const bareUs: number[] = [];
  const tutorUs: number[] = [];
  for (let i = 0; i < 5; i++) {
    bareUs.push(medianMicros(20, bare));
    tutorUs.push(medianMicros(20, tutor));
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const b = med(bareUs);
  const t = med(tutorUs);
  report({
    name: "tutor.overhead_ratio",
    value: t / b,
    unit: "x",
    baseline: b,
    ratio: t / b,
    target: "<= 1.5",
  });
  report({ name: "tutor.command_us", value: t, unit: "µs", baseline: b, target: "<= 1.5x baseline" });

  let done = session;
  let at = now;
  for (const text of ["kubectl describe pods -l app=web", "quiz", "a", "quiz", "a"]) {
    at += 5000;
    done = handle(done, { type: "text", text }, { now: at, actor, content }).session;
  }
  if (done.progress.lessonsDone.length !== 5) throw new Error("tutor bench: five lessons were not completed");
  const json = Buffer.byteLength(JSON.stringify(done));
  report({ name: "session.json_bytes.five_lessons", value: json, unit: "bytes", target: "<= 24576" });
  report({
    name: "session.packed_bytes.five_lessons",
    value: Buffer.byteLength(packSession(done)),
    unit: "bytes",
    target: "<= 24576",
  });
}

if (import.meta.url === `file://${process.argv[1]}`) tutorBench();
