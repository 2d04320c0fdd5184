// Event pruning keeps exactly what the plain rule keeps: per namespace the most recently seen
// events within the budget (ties: earlier first), none older than the TTL, in their original order.
import { describe, expect, it } from "vitest";
import { Rng } from "../util/rng.ts";
import { EVENT_TTL_MS, EVENTS_PER_NAMESPACE, type EventRecord } from "./events.ts";
import type { ClusterState } from "./state.ts";
import { Store } from "./store.ts";
import type { KObject } from "./types.ts";

/** The rule as first written: a stable sort by time, latest first, then a filter. */
function reference(events: readonly EventRecord[], now: number): EventRecord[] {
  const cutoff = now - EVENT_TTL_MS;
  const keep = new Set<EventRecord>();
  const counts = new Map<string, number>();
  for (const e of [...events].sort((a, b) => b.last - a.last)) {
    if (e.last < cutoff) continue;
    const n = counts.get(e.involved.namespace) ?? 0;
    if (n >= EVENTS_PER_NAMESPACE) continue;
    counts.set(e.involved.namespace, n + 1);
    keep.add(e);
  }
  return events.filter((e) => keep.has(e));
}

function pod(ns: string, name: string): KObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: ns, uid: `${ns}/${name}`, resourceVersion: "1", creationTimestamp: "" },
  };
}

describe("Store.pruneEvents", () => {
  it("matches the plain rule over random bursts, repeats and time jumps", () => {
    const rng = new Rng(3);
    const state = { now: 1_700_000_000_000, rv: 1, rng: 1, objects: {}, pods: {}, events: [] };
    const store = new Store(state as unknown as ClusterState);
    let checked = 0;
    for (let step = 0; step < 3000; step++) {
      const burst = rng.next() < 0.05 ? 40 : 1 + Math.floor(rng.next() * 4);
      for (let i = 0; i < burst; i++) {
        const ns = `ns-${Math.floor(rng.next() * 3)}`;
        // A small name space makes repeats (folded into existing events) common.
        const name = `p${Math.floor(rng.next() * 400)}`;
        store.event(pod(ns, name), "Normal", "Pulled", `m${Math.floor(rng.next() * 3)}`, "kubelet");
      }
      const jump = rng.next();
      state.now += jump < 0.02 ? EVENT_TTL_MS / 2 : jump < 0.5 ? 0 : 1000;
      const expected = reference(state.events, state.now);
      store.pruneEvents();
      expect(state.events).toEqual(expected);
      expect(state.events.every((e, i) => e === expected[i])).toBe(true);
      checked += expected.length;
    }
    expect(checked).toBeGreaterThan(100_000);
  });
});
