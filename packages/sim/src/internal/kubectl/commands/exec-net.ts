// Cluster DNS and HTTP from inside a container: names resolve to Services, Services to ready pods.

import type { KObject } from "../../api/types.ts";
import type { ContainerSpec } from "../../controllers/kubelet-env.ts";
import { httpStatus, listeningPorts } from "../../controllers/probes-judge.ts";
import { resolveImage } from "../../data/images.ts";
import type { ShellTarget } from "./exec-env.ts";
import { NGINX_WELCOME } from "./exec-fs.ts";

/** A name as cluster DNS answers it: the FQDN and address, or nothing (NXDOMAIN). */
export interface Resolved {
  fqdn: string;
  ip: string;
}

/**
 * Resolves like a pod's resolver with `search <ns>.svc.cluster.local svc.cluster.local
 * cluster.local` and ndots:5: `web`, `web.shop`, `web.shop.svc` and `web.shop.svc.cluster.local`
 * all find Service web in namespace shop; an IP literal is itself; `localhost` is 127.0.0.1.
 */
export function resolveName(target: ShellTarget, name: string): Resolved | undefined {
  const host = name.toLowerCase().replace(/\.$/, "");
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return { fqdn: host, ip: host };
  if (host === "localhost") return { fqdn: "localhost", ip: "127.0.0.1" };
  const ns = target.pod.metadata.namespace ?? "default";
  const parts = host.replace(/\.svc\.cluster\.local$|\.svc$/, "").split(".");
  const [svcName, svcNs = ns, ...extra] = parts;
  if (!svcName || extra.length > 0) return undefined;
  const svc = target.ctx.store.get("services", svcNs, svcName);
  const ip = svc?.spec?.clusterIP as string | undefined;
  if (!svc || !ip) return undefined;
  const fqdn = `${svcName}.${svcNs}.svc.cluster.local`;
  if (ip !== "None") return { fqdn, ip };
  const first = readyAddresses(target, svc)[0];
  return first ? { fqdn, ip: first.ip } : undefined;
}

type Address = { ip: string; targetRef?: { name: string; namespace: string } };
type EpSubset = { addresses?: Address[]; ports?: { name?: string; port: number }[] };

function readyAddresses(
  target: ShellTarget,
  svc: KObject,
  portName?: string,
): (Address & { port: number })[] {
  const ep = target.ctx.store.get("endpoints", svc.metadata.namespace, svc.metadata.name);
  const out: (Address & { port: number })[] = [];
  for (const s of (ep?.subsets ?? []) as EpSubset[]) {
    const port = (s.ports ?? []).find((p) => portName === undefined || (p.name ?? "") === portName);
    if (!port) continue;
    for (const a of s.addresses ?? []) out.push({ ...a, port: port.port });
  }
  return out;
}

/** What a TCP connection and one HTTP GET came to. */
export type HttpOutcome =
  | { kind: "response"; status: number; body: string; server: string }
  | { kind: "refused" }
  | { kind: "timeout" };

/** The body a catalogued server sends for a status. */
function bodyFor(
  pod: KObject,
  spec: ContainerSpec,
  status: number,
  elapsed: number,
): { body: string; server: string } {
  const res = resolveImage(spec.image);
  const ref = res.ok ? res.image.ref : "";
  const version = /nginx/.test(ref) ? (/:(\d+\.\d+\.\d+)/.exec(ref)?.[1] ?? "1.27.3") : "";
  if (/nginx/.test(ref)) {
    const server = `nginx/${version}`;
    if (status === 200) return { body: NGINX_WELCOME, server };
    const text = status === 404 ? "404 Not Found" : `${status} Error`;
    return {
      body: `<html>\n<head><title>${text}</title></head>\n<body>\n<center><h1>${text}</h1></center>\n<hr><center>${server}</center>\n</body>\n</html>\n`,
      server,
    };
  }
  if (/\/httpd:/.test(ref))
    return { body: "<html><body><h1>It works!</h1></body></html>\n", server: "Apache/2.4.62 (Unix)" };
  if (/hello-app/.test(ref))
    return { body: `Hello, world!\nVersion: 2.0.0\nHostname: ${pod.metadata.name}\n`, server: "" };
  if (/serve_hostname/.test(ref)) return { body: pod.metadata.name, server: "" };
  if (/node-hello/.test(ref)) return { body: "Hello Kubernetes!", server: "" };
  if (/hpa-example/.test(ref)) return { body: "OK!", server: "Apache/2.4.10 (Debian)" };
  if (/http-echo/.test(ref)) {
    const text = [...(spec.args ?? [])].find((a) => a.startsWith("-text="))?.slice(6) ?? "hello-world";
    return { body: `${text}\n`, server: "" };
  }
  if (/liveness/.test(ref))
    return { body: status === 200 ? "ok" : `error: ${(elapsed / 1000).toFixed(6)}`, server: "" };
  return { body: status === 404 ? "404 page not found\n" : "", server: "" };
}

/** A GET to one pod's port: answered by the container listening there, else refused. */
function askPod(target: ShellTarget, pod: KObject, port: number, path: string, t: number): HttpOutcome {
  const rt = target.ctx.store.state.pods[pod.metadata.uid];
  const specs = (pod.spec?.containers ?? []) as ContainerSpec[];
  for (const [i, spec] of specs.entries()) {
    const started = rt?.containers[i]?.startedAt;
    const res = resolveImage(spec.image);
    if (started === undefined || !res.ok || !listeningPorts(spec, res.image).includes(port)) continue;
    const elapsed = t - started;
    const { code } = httpStatus(res.image, port, path, elapsed);
    return { kind: "response", status: code, ...bodyFor(pod, spec, code, elapsed) };
  }
  return { kind: "refused" };
}

/**
 * Connects to `ip:port` and GETs `path`. A Service IP goes through kube-proxy to one ready endpoint
 * (none ready: the connection is rejected; a port the Service lacks: packets are dropped, a
 * timeout); a pod IP or 127.0.0.1 reaches that pod directly.
 */
export function httpGet(target: ShellTarget, ip: string, port: number, path: string, t: number): HttpOutcome {
  const { store } = target.ctx;
  if (ip === "127.0.0.1" || ip === target.pod.status?.podIP) return askPod(target, target.pod, port, path, t);
  const svc = store.each("services").find((s) => s.spec?.clusterIP === ip);
  if (svc) {
    const sp = ((svc.spec?.ports ?? []) as { name?: string; port: number }[]).find((p) => p.port === port);
    if (!sp) return { kind: "timeout" };
    const ready = readyAddresses(target, svc, sp.name ?? "");
    // kube-proxy picks an endpoint at random; the clock stands in for the dice (pure and repeatable).
    const pick = ready[Math.floor(t / 1000) % Math.max(1, ready.length)];
    if (!pick) return { kind: "refused" };
    const pod = pick.targetRef && store.get("pods", pick.targetRef.namespace, pick.targetRef.name);
    return pod ? askPod(target, pod, pick.port, path, t) : { kind: "refused" };
  }
  const pod = store.each("pods").find((p) => p.status?.podIP === ip && !p.metadata.deletionTimestamp);
  return pod ? askPod(target, pod, port, path, t) : { kind: "timeout" };
}

/** `http://host[:port][/path]` split; undefined when it is not an http URL. */
export function parseUrl(
  url: string,
): { scheme: string; host: string; port: number; path: string } | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([/?#].*)?$/.exec(url);
  if (!m) return undefined;
  const scheme = m[1] ?? "http";
  return {
    scheme,
    host: m[2] ?? "",
    port: m[3] ? Number(m[3]) : scheme === "https" ? 443 : 80,
    path: m[4] ?? "/",
  };
}
