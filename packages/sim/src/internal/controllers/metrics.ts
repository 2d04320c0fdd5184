// Simulated metrics-server: per-pod CPU and memory samples every scrape, averaged over the window.

import type { Store } from "../api/store.ts";
import type { KObject } from "../api/types.ts";
import { resolveImage } from "../data/images.ts";
import { LOAD_MODEL, serverCost } from "../data/load.ts";
import { currentLoad, idleCpuOf, isRunning, repositoryOf, unit } from "./metrics-load.ts";

/**
 * A pod under load: `h` lists when its load changed, as [time, CPU above idle (millicores),
 * requests/s], oldest first; the load between two entries is the earlier one's. `n` names the
 * container that serves (or sends) the requests.
 */
export interface LoadRecord {
  h: [number, number, number][];
  n: string;
}

/** What `ClusterState.metrics` holds: load records and HPA memory, by uid. */
export interface MetricsState {
  load?: Record<string, LoadRecord>;
  hpa?: Record<string, unknown>;
}

const M = LOAD_MODEL.metrics;

export function metricsState(store: Store): MetricsState {
  store.state.metrics ??= {};
  return store.state.metrics as MetricsState;
}

/** The last scrape at or before `now` (scrapes fall on multiples of the interval). */
export function lastScrape(now: number): number {
  return Math.floor(now / M.scrapeIntervalMs) * M.scrapeIntervalMs;
}

/**
 * Records load changes: whenever a pod's load differs from its last entry, a new entry starts
 * now. Entries older than one window before the last scrape are folded away, and a record whose
 * load has been zero for a whole window is dropped — so an idle cluster keeps no metrics state.
 */
export function syncMetrics(store: Store): void {
  const rates = currentLoad(store);
  const existing = (store.state.metrics as MetricsState | undefined)?.load;
  if (rates.size === 0 && !existing) return;
  const now = store.now;
  const st = metricsState(store);
  st.load ??= {};
  const load = st.load;
  const horizon = lastScrape(now) - M.windowMs;
  for (const [uid, l] of rates) {
    if (!load[uid] && l.rps > 0) load[uid] = { h: [], n: l.container };
  }
  for (const [uid, rec] of Object.entries(load)) {
    const l = rates.get(uid);
    const cpu = l?.cpu ?? 0;
    const rps = l?.rps ?? 0;
    const last = rec.h[rec.h.length - 1];
    if (!last || last[1] !== cpu || last[2] !== rps) {
      if (last && last[0] === now) rec.h.pop();
      rec.h.push([now, cpu, rps]);
    }
    while (rec.h.length > 1 && (rec.h[1]?.[0] ?? now) <= horizon) rec.h.shift();
    const first = rec.h[0];
    if (rec.h.length === 1 && first && first[1] === 0 && first[2] === 0 && first[0] <= horizon)
      delete load[uid];
  }
  if (Object.keys(load).length === 0) {
    delete st.load;
    if (!st.hpa) delete store.state.metrics;
  }
}

/**
 * The load a scrape at `tick` reports: the average over the window before it, as metrics-server
 * derives a rate from two cumulative CPU samples. Example: 500m starting 5 s before a scrape with a
 * 15 s window → 500 × 5 / 15 ≈ 167m; the next scrape reports 500m.
 */
export function windowLoad(rec: LoadRecord, tick: number): { cpu: number; rps: number } {
  const from = tick - M.windowMs;
  let area = 0;
  let rps = 0;
  for (let i = 0; i < rec.h.length; i++) {
    const [t, cpu, q] = rec.h[i] as [number, number, number];
    if (t > tick) break;
    rps = q;
    const end = Math.min(tick, rec.h[i + 1]?.[0] ?? tick);
    const start = Math.max(from, t);
    if (end > start) area += cpu * (end - start);
  }
  return { cpu: area / M.windowMs, rps };
}

export interface ContainerUsage {
  name: string;
  /** Millicores (rounded up, as Quantity.MilliValue does). */
  cpu: number;
  memory: number;
}

export interface PodUsage {
  timestamp: number;
  window: number;
  containers: ContainerUsage[];
}

type Container = { name: string; image?: string };

/** When the pod's first running container started, from the kubelet's bookkeeping. */
function startedAt(store: Store, pod: KObject): number | undefined {
  const rt = store.state.pods[pod.metadata.uid];
  let first: number | undefined;
  for (const c of rt?.containers ?? [])
    if (c.step === "running" && c.startedAt !== undefined && (first === undefined || c.startedAt < first))
      first = c.startedAt;
  return first;
}

/**
 * What metrics-server reports for a pod, or undefined before it has two samples (its first rate):
 * the first scrape after the container starts takes a sample, the next one reports. Idle usage
 * comes from the image; load from the pod's record, with a little noise per scrape.
 */
export function podUsage(store: Store, pod: KObject): PodUsage | undefined {
  if (!isRunning(pod)) return undefined;
  const start = startedAt(store, pod);
  if (start === undefined) return undefined;
  const tick = lastScrape(store.now);
  const firstSample = lastScrape(start) + M.scrapeIntervalMs;
  if (tick < firstSample + M.scrapeIntervalMs) return undefined;
  const rec = (store.state.metrics as MetricsState | undefined)?.load?.[pod.metadata.uid];
  const w = rec ? windowLoad(rec, tick) : undefined;
  const containers: ContainerUsage[] = [];
  for (const c of staticUsage(pod)) {
    let cpu = c.idleCpu;
    let memory = c.memory;
    if (w && rec?.n === c.name) {
      cpu += w.cpu * (1 + M.noise * (2 * unit(`${pod.metadata.uid}/${tick}`) - 1));
      memory += w.rps * c.bytesPerRps;
    }
    containers.push({ name: c.name, cpu: Math.ceil(cpu - 1e-9), memory: Math.round(memory) });
  }
  return { timestamp: tick, window: M.windowMs, containers };
}

interface StaticUsage {
  name: string;
  idleCpu: number;
  memory: number;
  bytesPerRps: number;
}

/** What does not change for a pod object: idle CPU, baseline memory and memory per request of each container. */
const staticCache = new WeakMap<KObject, StaticUsage[]>();

function staticUsage(pod: KObject): StaticUsage[] {
  let list = staticCache.get(pod);
  if (list) return list;
  const uid = pod.metadata.uid;
  list = ((pod.spec?.containers ?? []) as Container[]).map((c) => {
    const r = resolveImage(c.image ?? "");
    const base = r.ok ? r.image.minMemoryBytes : 1024 * 1024;
    return {
      name: c.name,
      idleCpu: idleCpuOf(pod, c),
      memory: base * (1 + M.memorySpread * unit(`${uid}/${c.name}/mem`)),
      bytesPerRps:
        r.ok && r.image.behaviour === "server"
          ? serverCost(repositoryOf(c.image ?? "")).memoryBytesPerRps
          : 0,
    };
  });
  staticCache.set(pod, list);
  return list;
}

/** Node usage: system overhead (kubelet, containerd, add-on pods) plus the pods running on it. */
export function nodeUsage(store: Store, node: KObject): { cpu: number; memory: number; timestamp: number } {
  const name = node.metadata.name;
  const [c0, c1] = M.nodeCpu;
  const [m0, m1] = M.nodeMemoryBytes;
  let cpu = c0 + (c1 - c0) * unit(`${name}/cpu/${lastScrape(store.now)}`);
  let memory = m0 + (m1 - m0) * unit(`${name}/mem`);
  for (const pod of store.each("pods")) {
    if (pod.spec?.nodeName !== name) continue;
    const u = podUsage(store, pod);
    for (const c of u?.containers ?? []) {
      cpu += c.cpu;
      memory += c.memory;
    }
  }
  return { cpu: Math.ceil(cpu), memory: Math.round(memory), timestamp: lastScrape(store.now) };
}
