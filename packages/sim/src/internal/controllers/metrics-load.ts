// The load model: load-generator pods (wget/curl loops) drive requests through Services to their ready pods.

import type { Store } from "../api/store.ts";
import type { KObject } from "../api/types.ts";
import { resolveImage } from "../data/images.ts";
import { LOAD_MODEL, serverCost } from "../data/load.ts";
import { cpuMillis } from "../util/quantity.ts";
import { isTerminating } from "./context.ts";

/** A shell loop that requests a URL over and over. */
export interface Generator {
  host: string;
  port?: number;
  /** The loop's own pause between requests (`sleep 0.01` → 10 ms). */
  sleepMs: number;
}

const URL_TOKEN = /^(?:(https?):\/\/)?([A-Za-z0-9][A-Za-z0-9.-]*)(?::(\d+))?(?:\/\S*)?$/;

/**
 * Reads a container's command line as a load generator: a `while`/`for` loop around `wget` or
 * `curl` of a URL. `while sleep 0.01; do wget -q -O- http://php-apache; done` →
 * { host: "php-apache", sleepMs: 10 }. A single wget (no loop) is not sustained load.
 */
export function parseGenerator(argv: readonly string[]): Generator | undefined {
  const script = argv.join(" ");
  if (!/\b(while|for|until)\b/.test(script) || !/\bdo\b/.test(script)) return undefined;
  const call = /\b(wget|curl)\b([^;&|]*)/.exec(script);
  if (!call) return undefined;
  const tokens = (call[2] ?? "").replace(/["']/g, " ").split(/\s+/).filter(Boolean);
  let best: RegExpExecArray | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? "";
    if (t.startsWith("-") || t.startsWith("/")) continue;
    const prev = tokens[i - 1] ?? "";
    if (/^-(o|O|H|A|d|X|-output|-header)$/.test(prev)) continue;
    const m = URL_TOKEN.exec(t);
    if (m && (!best || (m[1] && !best[1]))) best = m;
  }
  if (!best?.[2]) return undefined;
  const sleep = /\bsleep\s+(\d+(?:\.\d+)?|\.\d+)/.exec(script);
  return {
    host: best[2].toLowerCase(),
    ...(best[3] ? { port: Number(best[3]) } : {}),
    sleepMs: sleep ? Math.round(Number(sleep[1]) * 1000) : 0,
  };
}

const parsed = new WeakMap<KObject, Generator | null>();

/** The generator a running pod is, if any (remembered per object version). */
export function generatorOf(pod: KObject): Generator | undefined {
  let g = parsed.get(pod);
  if (g === undefined) {
    g = null;
    for (const c of (pod.spec?.containers ?? []) as { command?: string[]; args?: string[] }[]) {
      const found = parseGenerator([...(c.command ?? []), ...(c.args ?? [])]);
      if (found) {
        g = found;
        break;
      }
    }
    parsed.set(pod, g);
  }
  return g ?? undefined;
}

/** Whether a pod's containers are running (its processes use CPU). */
export function isRunning(pod: KObject): boolean {
  if (pod.status?.phase !== "Running") return false;
  const statuses = (pod.status?.containerStatuses ?? []) as { state?: { running?: unknown } }[];
  return statuses.some((s) => s.state?.running !== undefined);
}

/** Finds the Service a generator's host names: `svc`, `svc.ns`, `svc.ns.svc[.cluster.local]` or a cluster IP. */
export function resolveService(store: Store, host: string, namespace: string): KObject | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host))
    return store.each("services").find((s) => s.spec?.clusterIP === host);
  const parts = host.split(".");
  const tail = parts.slice(2).join(".");
  if (parts.length > 2 && tail !== "svc" && tail !== "svc.cluster.local") return undefined;
  return store.get("services", parts[1] ?? namespace, parts[0] ?? "");
}

/** The image repository as containerd names it, without tag or digest. */
export function repositoryOf(image: string): string {
  const r = resolveImage(image);
  const ref = r.ok ? r.image.ref : image;
  const at = ref.indexOf("@");
  const noDigest = at >= 0 ? ref.slice(0, at) : ref;
  const colon = noDigest.lastIndexOf(":");
  return colon > noDigest.lastIndexOf("/") ? noDigest.slice(0, colon) : noDigest;
}

/** The load on one pod right now: CPU above idle (millicores) and requests per second. */
export interface PodLoad {
  cpu: number;
  rps: number;
  /** The container that serves (or sends) the requests. */
  container: string;
}

type Container = { name: string; image?: string; resources?: { limits?: Record<string, unknown> } };

/**
 * Current load per pod uid. Each running generator sends 1000 / (sleep + client overhead + the
 * server's response time) requests per second, spread evenly over the Service's ready endpoints
 * (kube-proxy picks at random); a pod's CPU is its share × cost per request, capped at its CPU
 * limit. Example: 14.3 rps over 4 php-apache pods → 3.6 rps × 45 ms = 161m each.
 */
export function currentLoad(store: Store): Map<string, PodLoad> {
  const key = `${store.kindVersion("Pod")}|${store.kindVersion("Service")}|${store.kindVersion("Endpoints")}`;
  const cached = loadCache.get(store);
  if (cached?.key === key) return cached.load;
  const load = computeLoad(store);
  loadCache.set(store, { key, load });
  return load;
}

const loadCache = new WeakMap<Store, { key: string; load: Map<string, PodLoad> }>();

/** Adds CPU and requests to a pod's load (module-level: see parseFlags). */
function addLoad(load: Map<string, PodLoad>, uid: string, container: string, cpu: number, rps: number): void {
  const l = load.get(uid) ?? { cpu: 0, rps: 0, container };
  l.cpu += cpu;
  l.rps += rps;
  load.set(uid, l);
}

function computeLoad(store: Store): Map<string, PodLoad> {
  const load = new Map<string, PodLoad>();
  for (const pod of store.each("pods")) {
    const gen = generatorOf(pod);
    if (!gen || !isRunning(pod)) continue;
    const ns = pod.metadata.namespace ?? "default";
    const svc = resolveService(store, gen.host, ns);
    if (!svc) continue;
    const ports = (svc.spec?.ports ?? []) as { port: number }[];
    if (gen.port !== undefined && !ports.some((p) => p.port === gen.port)) continue;
    const targets = readyEndpointPods(store, svc);
    if (targets.length === 0) continue;
    const first = (targets[0]?.spec?.containers ?? [])[0] as Container | undefined;
    const cost = serverCost(repositoryOf(first?.image ?? ""));
    const rps = 1000 / (gen.sleepMs + LOAD_MODEL.client.overheadMs + cost.responseMs);
    const clientName = ((pod.spec?.containers ?? [])[0] as Container | undefined)?.name ?? "";
    addLoad(load, pod.metadata.uid, clientName, rps * LOAD_MODEL.client.cpuMsPerRequest, rps);
    for (const target of targets) {
      const c = ((target.spec?.containers ?? [])[0] ?? { name: "" }) as Container;
      const share = rps / targets.length;
      addLoad(
        load,
        target.metadata.uid,
        c.name,
        share * serverCost(repositoryOf(c.image ?? "")).cpuMsPerRequest,
        share,
      );
    }
  }
  const pods = load.size ? new Map(store.each("pods").map((p) => [p.metadata.uid, p])) : undefined;
  for (const [uid, l] of load) {
    const pod = pods?.get(uid);
    const c = ((pod?.spec?.containers ?? []) as Container[]).find((x) => x.name === l.container);
    const limit = cpuMillis(c?.resources?.limits?.cpu);
    if (limit > 0) l.cpu = Math.min(l.cpu, Math.max(0, limit - idleCpuOf(pod, c)));
  }
  return load;
}

function readyEndpointPods(store: Store, svc: KObject): KObject[] {
  const ep = store.get("endpoints", svc.metadata.namespace, svc.metadata.name);
  const out: KObject[] = [];
  for (const subset of (ep?.subsets ?? []) as { addresses?: { targetRef?: { name?: string } }[] }[]) {
    for (const a of subset.addresses ?? []) {
      const pod = a.targetRef?.name ? store.get("pods", svc.metadata.namespace, a.targetRef.name) : undefined;
      if (pod && !isTerminating(pod) && !out.includes(pod)) out.push(pod);
    }
  }
  return out;
}

/** A container's idle CPU in millicores: the image's range, picked by a hash of pod uid and name. */
export function idleCpuOf(pod: KObject | undefined, c: Container | undefined): number {
  if (!pod || !c) return 0;
  const key = `${c.name}|${c.image ?? ""}`;
  let perPod = idleCache.get(pod);
  const hit = perPod?.get(key);
  if (hit !== undefined) return hit;
  const r = resolveImage(c.image ?? "");
  const [lo, hi] =
    r.ok && r.image.behaviour === "server"
      ? serverCost(repositoryOf(c.image ?? "")).idleCpu
      : LOAD_MODEL.shellIdleCpu;
  const idle = lo + Math.round((hi - lo) * unit(`${pod.metadata.uid}/${c.name}/cpu`));
  if (!perPod) {
    perPod = new Map();
    idleCache.set(pod, perPod);
  }
  perPod.set(key, idle);
  return idle;
}

/** Idle CPU by pod object and container (name and image), which never change for a running container. */
const idleCache = new WeakMap<KObject, Map<string, number>>();

/** A stable number in [0, 1) from a string (FNV-1a), for per-object variation without the RNG. */
export function unit(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i) & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 4294967296;
}
