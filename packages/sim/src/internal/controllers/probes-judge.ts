// What one probe sees: httpGet, tcpSocket, grpc and exec judged against the image catalogue.

import type { KObject } from "../api/types.ts";
import { type ImageInfo, resolveImage } from "../data/images.ts";
import { runProbeCommand } from "../kubectl/commands/exec-shell.ts";
import type { ControllerContext } from "./context.ts";
import type { ContainerSpec } from "./kubelet-env.ts";

type Port = number | string;
/** A container probe as the API defaults it (periods in seconds). */
export interface ProbeSpec {
  httpGet?: { path?: string; port: Port; host?: string; scheme?: string };
  tcpSocket?: { port: Port; host?: string };
  grpc?: { port: number; service?: string };
  exec?: { command?: string[] };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  terminationGracePeriodSeconds?: number;
}

/** A probe's outcome at one instant, with the time until which it cannot change. */
export interface Judgement {
  ok: boolean;
  /** The prober's output: the text after "Liveness probe failed: ". */
  output: string;
  until: number;
}

/** Whom the probe talks to: one running container instance. */
export interface ProbeTarget {
  ctx: ControllerContext;
  pod: KObject;
  spec: ContainerSpec & { ports?: { name?: string; containerPort: number }[] };
  startedAt: number;
}

const NEVER = Number.POSITIVE_INFINITY;

/** The ports the container's process listens on: a server image run with its own entrypoint. */
export function listeningPorts(spec: ContainerSpec, image: ImageInfo | undefined): number[] {
  if (image?.behaviour !== "server" || spec.command !== undefined) return [];
  return image.ports;
}

/**
 * The HTTP status a catalogued server answers for `path` on `port`, `elapsed` ms after it started,
 * and until when that holds. The first port serves `httpPaths` (nginx: "/", also as /index.html);
 * anything else is 404. k8s.gcr.io/liveness answers 200 until httpFailAfterMs (10 s), then 500.
 */
export function httpStatus(
  image: ImageInfo,
  port: number,
  path: string,
  elapsed: number,
): { code: number; until: number } {
  const clean = path.replace(/[?#].*$/, "") || "/";
  const served =
    port === image.ports[0] &&
    (image.httpPaths.includes(clean) || (clean === "/index.html" && image.httpPaths.includes("/")));
  if (!served) return { code: 404, until: NEVER };
  const failAt = image.httpFailAfterMs;
  if (failAt === undefined) return { code: 200, until: NEVER };
  return elapsed >= failAt ? { code: 500, until: NEVER } : { code: 200, until: failAt - elapsed };
}

/** A named port resolves through the container's ports (probe.ResolveContainerPort). */
function resolvePort(port: Port, spec: ProbeTarget["spec"]): number | undefined {
  if (typeof port === "number") return port;
  if (/^\d+$/.test(port)) return Number(port);
  return spec.ports?.find((p) => p.name === port)?.containerPort;
}

function hostPort(host: string, port: number): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Judges `probe` for the container at virtual time `t`. */
export function judgeProbe(target: ProbeTarget, probe: ProbeSpec, t: number): Judgement {
  const { pod, spec } = target;
  const res = resolveImage(spec.image);
  const image = res.ok ? res.image : undefined;
  const ports = listeningPorts(spec, image);
  const podIP = (pod.status?.podIP as string | undefined) ?? "";
  const elapsed = t - target.startedAt;
  const refused = (addr: string) => `dial tcp ${addr}: connect: connection refused`;
  if (probe.exec) {
    const r = runProbeCommand(target, probe.exec.command ?? [], t);
    return { ok: r.code === 0, output: r.output, until: r.until };
  }
  const handler = probe.httpGet ?? probe.tcpSocket;
  const rawPort = handler?.port ?? probe.grpc?.port;
  const port = rawPort === undefined ? undefined : resolvePort(rawPort, spec);
  if (port === undefined) {
    return { ok: false, output: `couldn't find port: ${String(rawPort)} in ${spec.name}`, until: NEVER };
  }
  const host = handler?.host || podIP;
  const addr = hostPort(host, port);
  const listening = ports.includes(port) && (host === podIP || host === "127.0.0.1" || host === "localhost");
  if (probe.httpGet) {
    const scheme = (probe.httpGet.scheme ?? "HTTP").toLowerCase();
    const path = probe.httpGet.path ?? "/";
    const url = `${scheme}://${addr}${path.startsWith("/") ? path : `/${path}`}`;
    if (!listening || !image) return { ok: false, output: `Get "${url}": ${refused(addr)}`, until: NEVER };
    if (scheme === "https")
      return {
        ok: false,
        output: `Get "${url}": http: server gave HTTP response to HTTPS client`,
        until: NEVER,
      };
    const st = httpStatus(image, port, path, elapsed);
    const until = st.until === NEVER ? NEVER : t + st.until;
    if (st.code >= 200 && st.code < 400) return { ok: true, output: "", until };
    return { ok: false, output: `HTTP probe failed with statuscode: ${st.code}`, until };
  }
  if (probe.tcpSocket) return { ok: listening, output: listening ? "" : refused(addr), until: NEVER };
  if (probe.grpc) {
    const timeout = `${probe.timeoutSeconds ?? 1}s`;
    const output = `timeout: failed to connect service "${addr}" within ${timeout}: context deadline exceeded`;
    return { ok: listening, output: listening ? "" : output, until: NEVER };
  }
  return { ok: false, output: "unknown probe handler", until: NEVER };
}
