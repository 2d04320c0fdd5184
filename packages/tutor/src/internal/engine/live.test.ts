// A session held open gives the same replies and saved sessions as `handle` on the stored session.

import { describe, expect, it } from "vitest";
import { parseScriptItem } from "../content/script.ts";
import type { Session, TutorEvent } from "../model.ts";
import { newSession } from "../session/new.ts";
import { packSession, unpackSession } from "../session/pack.ts";
import { handle } from "./handle.ts";
import { LiveSession, openSession } from "./live.ts";
import { content, T0 } from "./test-kit.ts";

/** Lines for a lesson: its start, every solution item, and some reads, waits and mistakes between. */
function lessonEvents(n: number): TutorEvent[] {
  const lesson = content().lessons.find((l) => l.number === n);
  if (!lesson) throw new Error(`no lesson ${n}`);
  const out: TutorEvent[] = [{ type: "text", text: `lesson start ${n}` }];
  for (const step of lesson.steps) {
    out.push({ type: "text", text: "kubectl get pods" }, { type: "hint" });
    for (const item of step.solution) {
      const parsed = parseScriptItem(item);
      if (!parsed.ok) throw new Error(parsed.error);
      const { line, stdin } = parsed.command;
      out.push({ type: "text", text: line, ...(stdin !== undefined ? { stdin } : {}) });
      out.push({ type: "text", text: "kubectl get all" });
    }
    out.push({ type: "text", text: "kubectl get deployment nope" }, { type: "text", text: "sleep 20s" });
  }
  out.push({ type: "quiz" }, { type: "text", text: "b" }, { type: "progress" });
  return out;
}

/** Unpacked from its stored text, as a worker without the session open would see it. */
function stored(session: Session): Session {
  const r = unpackSession(packSession(session));
  if (!r.ok) throw new Error(r.issues.join("\n"));
  return r.session;
}

function compare(events: readonly TutorEvent[], stepMs: (i: number) => number, group = false): number {
  let session = newSession({ seed: 3, now: T0 });
  const live = openSession(session);
  let now = T0;
  for (const [i, event] of events.entries()) {
    now += stepMs(i);
    const ctx = { now, actor: { id: "u1", name: "sam" }, content: content(), ...(group ? { group } : {}) };
    const want = handle(session, event, ctx);
    const got = live.apply(event, ctx);
    expect(JSON.stringify(got), `reply to event ${i}: ${JSON.stringify(event)}`).toBe(
      JSON.stringify(want.reply),
    );
    // Through the stored form on both sides: parsing puts the session's own fields in schema order.
    const saved = JSON.stringify(stored(live.save()));
    expect(saved, `session after event ${i}`).toBe(JSON.stringify(stored(want.session)));
    session = stored(want.session);
  }
  return events.length;
}

describe("LiveSession", () => {
  it("matches handle event for event through every lesson, with reads, waits, mistakes and quizzes", () => {
    const events = content().lessons.flatMap((l) => lessonEvents(l.number));
    expect(compare(events, (i) => [5000, 700, 61_000, 30][i % 4] ?? 0)).toBeGreaterThan(200);
  });

  it("matches handle across resets, lesson changes, az, group sandboxes and long absences", () => {
    const lines = [
      "kubectl create deployment web --image=nginx:1.25 --replicas=2",
      "kubectl get pods",
      "kubectl get pods",
      "reset",
      "reset confirm",
      "kubectl get pods",
      "lesson start 5",
      "kubectl scale deployment web --replicas=3",
      "kubectl create deployment web --image=nginx:1.25 --replicas=2",
      "kubectl get pods -w",
      "kubectl scale deployment web --replicas=4",
      "kubectl get pods",
      "az login",
      "az group create --name rg2 --location westeurope",
      "az aks create --resource-group rg2 --name aks2 --node-count 1",
      "az aks get-credentials --resource-group rg2 --name aks2",
      "kubectl create deployment w2 --image=nginx:1.25 --replicas=2",
      "kubectl get pods",
      "az aks get-credentials --resource-group bosun-rg --name bosun-aks --overwrite-existing",
      "kubectl scale deployment web --replicas=1",
      "az aks get-credentials --resource-group rg2 --name aks2 --overwrite-existing",
      "kubectl get pods",
      "kubectl config get-contexts",
      "kubectl run x --image=nginx:1.999",
      "kubectl get pods",
      "kubectl get pods",
      "reset all",
      "reset all confirm",
      "kubectl get pods",
    ];
    const events: TutorEvent[] = lines.map((text) => ({ type: "text", text }));
    compare(events, (i) => (i % 5 === 4 ? 3 * 86_400_000 : 2000), true);
    compare(events, () => 0);
  });

  it("never changes the session it was opened on, nor one it saved", () => {
    const s = newSession({ seed: 7, now: T0 });
    const copy = structuredClone(s);
    const live = LiveSession.open(s);
    const ctx = { now: T0 + 5000, actor: { id: "a", name: "a" }, content: content() };
    live.apply({ type: "text", text: "lesson start 5" }, ctx);
    const saved = live.save();
    const text = JSON.stringify(saved.progress);
    live.apply(
      { type: "text", text: "kubectl create deployment web --image=nginx:1.25" },
      { ...ctx, now: T0 + 9000 },
    );
    live.apply({ type: "text", text: "lesson start 6" }, { ...ctx, now: T0 + 12_000 });
    expect(s).toEqual(copy);
    expect(JSON.stringify(saved.progress)).toBe(text);
  });
});
