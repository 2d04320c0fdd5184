// kubectl logs: a container's output, generated from its image and command for the run the kubelet picks.

import type { Cluster } from "../../api/cluster.ts";
import { findResource, qualifiedName } from "../../api/resources.ts";
import type { KObject } from "../../api/types.ts";
import { isPodReady, podPhase } from "../../controllers/context.ts";
import { containerPlan } from "../../controllers/kubelet-container.ts";
import type { ContainerSpec } from "../../controllers/kubelet-env.ts";
import { renderLogLine } from "../../data/image-log-template.ts";
import { resolveImage } from "../../data/images.ts";
import { fnv32a } from "../../util/rng.ts";
import * as cmd from "../command.ts";
import type { FlagSpec, FlagValue } from "../flags.ts";
import { lookupType } from "../resource-args.ts";
import * as sel from "../selector.ts";

type Ctx = cmd.CommandContext;
/** One log line and the virtual time it was written. */
export type LogLine = { t: number; text: string };
/** A container run: from its start until its end (undefined while it runs). */
export type Run = { start: number; end: number | undefined };
type Spec = ContainerSpec;
type Stream = { pod: KObject; spec: Spec; prefix: string; run?: Run };

const MAX_LINES = 5000;
const FOLLOW_MS = 30_000;
const fail = (message: string): never => {
  throw new cmd.CommandError(message);
};
const flag = (name: string, type: FlagSpec["type"], d: FlagValue): FlagSpec => ({ name, type, default: d });
const BOOLS = ["all-containers", "all-pods", "timestamps", "prefix", "ignore-errors"];
const FLAGS: FlagSpec[] = [
  cmd.SELECTOR_FLAG,
  { name: "container", short: "c", type: "string", default: "" },
  { name: "follow", short: "f", type: "bool", default: false },
  { name: "previous", short: "p", type: "bool", default: false },
  ...[flag("tail", "int", -1), flag("limit-bytes", "int", 0), flag("max-log-requests", "int", 5)],
  ...[flag("since", "duration", 0), flag("pod-running-timeout", "duration", "20s")],
  ...BOOLS.map((n) => flag(n, "bool", false)),
  ...[flag("since-time", "string", ""), flag("insecure-skip-tls-verify-backend", "bool", false)],
];

/** Times `first, first + period, …` up to `end`, only the last MAX_LINES of them. */
function series(first: number, period: number, end: number): number[] {
  const n = Math.floor((end - first) / period);
  const out: number[] = [];
  for (let k = Math.max(0, n - MAX_LINES); k <= n; k++) out.push(first + k * period);
  return out;
}

/** The repeat period of a `while true; do …; sleep N; done` loop, in ms. */
function loopPeriod(argv: string[]): number | undefined {
  const m = /while\s+(?:true|:|\[\s*1\s*\])[\s\S]*?sleep\s+(\d+(?:\.\d+)?)/.exec(argv.join(" "));
  return m ? Math.max(100, Number(m[1]) * 1000) : undefined;
}

/** Lines a run wrote by `until`: the image's start-up lines (unless the command replaces the entrypoint
 * or a required variable is missing), then the process's output (repeated by `while …; sleep N` loops). */
export function runLines(cluster: Cluster, pod: KObject, spec: Spec, run: Run, until: number): LogLine[] {
  const res = resolveImage(spec.image);
  if (!res.ok) return [];
  const { image } = res;
  const end = Math.min(run.end ?? until, until);
  const values = { pid: 1, hostname: pod.spec?.hostname ?? pod.metadata.name, podIP: pod.status?.podIP };
  const plan = containerPlan({ ctx: cluster.ctx, pod, spec });
  const envFailure = image.requiredEnv !== undefined && plan?.output === image.requiredEnv.log;
  const startup = spec.command === undefined && !envFailure ? image.startupLogs : [];
  const line = (tpl: string, t: number) => ({ t, text: renderLogLine(tpl, { ...values, timeMs: t }) });
  const lines = startup.map((tpl, i) => line(tpl, run.start + i * 2));
  const base = run.start + startup.length * 2 + 5;
  const period = loopPeriod([...(spec.command ?? []), ...(spec.args ?? [])]);
  for (const t of period ? series(base, period, end) : [base]) {
    for (const [j, text] of (plan?.output ?? []).entries()) lines.push({ t: t + j, text });
  }
  return lines.filter((l) => l.t <= end).slice(-MAX_LINES);
}

/** containerd's RFC3339Nano timestamp (nanoseconds made up from the line, trailing zeros cut). */
export function logTimestamp(line: LogLine): string {
  const iso = new Date(line.t).toISOString();
  const micros = String(fnv32a(`${line.t}:${line.text}`) % 1_000_000).padStart(6, "0");
  const frac = `${iso.slice(20, 23)}${micros}`.replace(/0+$/, "");
  return `${iso.slice(0, 19)}${frac ? `.${frac}` : ""}Z`;
}

function containersOf(pod: KObject): { specs: Spec[]; inits: Spec[] } {
  return { specs: pod.spec?.containers ?? [], inits: pod.spec?.initContainers ?? [] };
}

/** The kubelet's validateContainerLogStatus: which run to show, or why there is none. */
function pickRun(cluster: Cluster, pod: KObject, name: string, previous: boolean): Run | string {
  const say = (what: string) => `container "${name}" in pod "${pod.metadata.name}" ${what}`;
  const { specs, inits } = containersOf(pod);
  const rt = cluster.state.pods[pod.metadata.uid];
  const i = specs.findIndex((c) => c.name === name);
  const runtime = i >= 0 ? rt?.containers[i] : rt?.init[inits.findIndex((c) => c.name === name)];
  const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])];
  const status = statuses.find((s: { name: string }) => s.name === name);
  if (!status || !runtime) return say("is not available");
  const last = runtime.last && { start: runtime.last.start, end: runtime.last.end };
  const { waiting, running, terminated } = status.state ?? {};
  if (previous) return (status.lastState?.terminated && last) || `previous terminated ${say("not found")}`;
  if (running && runtime.startedAt !== undefined) return { start: runtime.startedAt, end: undefined };
  if ((terminated || status.lastState?.terminated) && last) return last;
  const reason = waiting?.reason as string | undefined;
  if (reason === "ErrImagePull") return say("is waiting to start: image can't be pulled");
  if (reason === "ImagePullBackOff") return say("is waiting to start: trying and failing to pull image");
  return say(waiting ? `is waiting to start: ${reason}` : "is waiting to start - no logs yet");
}

/** podutils.ByLogging (minus ready-time ordering): the pod `logs deploy/x` picks comes first. */
function byLogging(a: KObject, b: KObject): number {
  const [an, bn] = [a.spec?.nodeName ?? "", b.spec?.nodeName ?? ""];
  if (an !== bn && (!an || !bn)) return an ? -1 : 1;
  const rank = (p: KObject) => ({ Unknown: 1, Pending: 2 })[podPhase(p)] ?? 0;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? -1 : 1;
  const statuses = (p: KObject): { restartCount: number }[] => p.status?.containerStatuses ?? [];
  const restarts = (p: KObject) => Math.max(0, ...statuses(p).map((s) => s.restartCount));
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  return Date.parse(a.metadata.creationTimestamp) - Date.parse(b.metadata.creationTimestamp);
}

const WORKLOADS = ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job"];

/** polymorphichelpers.SelectorsForObject for the kinds `kubectl logs TYPE/NAME` accepts. */
function selectorOf(obj: KObject): sel.Selector {
  const spec = obj.spec?.selector;
  if (WORKLOADS.includes(obj.kind)) return sel.labelSelectorFromSpec(spec);
  if (obj.kind === "ReplicationController") return sel.selectorFromMatchLabels(spec ?? {});
  if (obj.kind !== "Service") {
    const type = `*v1.${obj.kind}`;
    return fail(`error: cannot get the logs from ${type}: selector for ${type} not implemented`);
  }
  if (!spec || Object.keys(spec).length === 0) {
    fail(`error: invalid service '${obj.metadata.name}': Service is defined without a selector`);
  }
  return sel.selectorFromMatchLabels(spec);
}

function parseLabels(text: string): sel.Selector {
  try {
    return sel.parseSelector(text);
  } catch (e) {
    return fail(`error: ${(e as Error).message}`);
  }
}

/** The pods to read (by name, TYPE/NAME or -l); `validate` runs where kubectl checks its options. */
function podsFor(ctx: Ctx, resource: string, selector: string, validate: () => void): KObject[] {
  const { store } = ctx.cluster;
  const podsMatching = (s: sel.Selector) =>
    store.list("pods", ctx.namespace).filter((p) => sel.matches(s, p.metadata.labels));
  if (selector) {
    const pods = podsMatching(parseLabels(selector));
    if (pods.length === 0) ctx.out.err(`No resources found in ${ctx.namespace} namespace.`);
    validate();
    return pods;
  }
  const slash = resource.indexOf("/");
  const info = slash < 0 ? findResource("pods") : lookupType(resource.slice(0, slash));
  const name = resource.slice(slash + 1);
  const obj = info && store.get(info.resource, info.namespaced ? ctx.namespace : undefined, name);
  if (!info || !obj) {
    const what = `${info ? qualifiedName(info) : "pods"} "${name}" not found`;
    return fail(`error: error from server (NotFound): ${what} in namespace "${ctx.namespace}"`);
  }
  validate();
  if (info.resource === "pods") return [obj];
  const s = selectorOf(obj);
  const timeout = cmd.flagInt(ctx, "pod-running-timeout") || 20_000;
  const appeared = ctx.cluster.advanceUntil(() => podsMatching(s).length > 0, timeout);
  if (!appeared) fail("error: timed out waiting for the condition");
  const pods = podsMatching(s).sort(byLogging);
  if (cmd.flagBool(ctx, "all-pods")) return pods;
  if (pods.length > 1) ctx.out.err(`Found ${pods.length} pods, using pod/${pods[0]?.metadata.name}`);
  return pods.slice(0, 1);
}

/** The container a pod's logs default to, noting kubectl's stderr messages on the way. */
function defaultContainer(ctx: Ctx, pod: KObject): string {
  const { specs, inits } = containersOf(pod);
  const annotated = pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"];
  if (annotated && [...specs, ...inits].some((c) => c.name === annotated)) return annotated;
  if (annotated) ctx.out.err(`Default container name "${annotated}" not found in pod ${pod.metadata.name}`);
  const names = [...specs.map((c) => c.name), ...inits.map((c) => `${c.name} (init)`)].join(", ");
  const first = specs[0]?.name ?? "";
  const quiet = cmd.flagBool(ctx, "all-pods") || (specs.length < 2 && inits.length === 0);
  if (!quiet) ctx.out.err(`Defaulted container "${first}" out of: ${names}`);
  return first;
}

/** The (pod, container) log requests, in kubectl's order. */
function streamsFor(ctx: Ctx, pods: KObject[], container: string): Stream[] {
  const prefixed = cmd.flagBool(ctx, "all-pods") || cmd.flagBool(ctx, "prefix");
  return pods.flatMap((pod) => {
    const { specs, inits } = containersOf(pod);
    let chosen = [...inits, ...specs];
    if (!cmd.flagBool(ctx, "all-containers")) {
      const name = container || defaultContainer(ctx, pod);
      chosen = [...specs, ...inits].filter((c) => c.name === name);
      if (chosen.length === 0) fail(`error: container ${name} is not valid for pod ${pod.metadata.name}`);
    }
    const prefix = (c: Spec) => (prefixed ? `[pod/${pod.metadata.name}/${c.name}] ` : "");
    return chosen.map((spec) => ({ pod, spec, prefix: prefix(spec) }));
  });
}

/** kubectl's Complete and Validate checks, in its order. */
function validate(ctx: Ctx): { resource: string; container: string; selector: string } {
  const args = ctx.args.positionals;
  const selector = cmd.flagString(ctx, "selector");
  const usage = (msg: string) => fail(`error: ${msg}\nSee '${ctx.path} -h' for help and examples`);
  const expected = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a";
  if (args.length > 2 || (args.length === 0 && !selector))
    usage(`${expected} required argument for the logs command`);
  if (args.length === 1 && selector) usage("only a selector (-l) or a POD name is allowed");
  return { resource: args[0] ?? "", container: args[1] ?? cmd.flagString(ctx, "container"), selector };
}

function check(ctx: Ctx, container: string): void {
  const int = (name: string) => cmd.flagInt(ctx, name) ?? 0;
  const both = "error: at most one of `sinceTime` or `sinceSeconds` may be specified";
  if (cmd.flagString(ctx, "since-time") && int("since")) fail(both);
  if (cmd.flagBool(ctx, "all-containers") && container) {
    fail(`error: --all-containers=true should not be specified with container name ${container}`);
  }
  if (ctx.args.set.has("container") && ctx.args.positionals.length === 2) {
    fail("error: only one of -c or an inline [CONTAINER] arg is allowed");
  }
  if (int("limit-bytes") < 0) fail("error: --limit-bytes must be greater than 0");
  if (int("since") < 0) fail("error: --since must be greater than 0");
  if (int("tail") < -1) fail("error: --tail must be greater than or equal to -1");
}

/** Prints a stream's lines with its prefix, timestamps and byte limit. */
function printer(ctx: Ctx) {
  const [stamp, limit] = [cmd.flagBool(ctx, "timestamps"), cmd.flagInt(ctx, "limit-bytes") ?? 0];
  return (s: Stream, lines: LogLine[]) => {
    let text = lines.map((l) => `${s.prefix}${stamp ? `${logTimestamp(l)} ` : ""}${l.text}\n`).join("");
    if (limit > 0) text = new TextDecoder().decode(new TextEncoder().encode(text).slice(0, limit));
    if (text) ctx.out.chunks.push({ stream: "out", text });
  };
}

/** The earliest time a line may have: --since (rounded to seconds) or --since-time. */
function sinceOf(ctx: Ctx): number {
  const text = cmd.flagString(ctx, "since-time");
  const since = cmd.flagInt(ctx, "since") ?? 0;
  if (!text) return since ? ctx.cluster.now - Math.round(since / 1000) * 1000 : Number.NEGATIVE_INFINITY;
  const t = Date.parse(text);
  const layout = `"2006-01-02T15:04:05Z07:00": cannot parse "${text}" as "2006"`;
  return Number.isNaN(t) ? fail(`error: parsing time "${text}" as ${layout}`) : t;
}

/** -f: virtual time runs on (up to 30 s, or until every followed container stops) and the new lines print. */
function follow(ctx: Ctx, live: Stream[], show: ReturnType<typeof printer>, from: number): void {
  const { cluster } = ctx;
  const rt = (s: Stream) => cluster.state.pods[s.pod.metadata.uid];
  const containers = (s: Stream) => [...(rt(s)?.containers ?? []), ...(rt(s)?.init ?? [])];
  const ended = (s: Stream) => containers(s).every((c) => c.startedAt !== s.run?.start);
  cluster.advanceUntil(() => live.every(ended), FOLLOW_MS);
  const fresh = live.flatMap((s) => {
    const last = containers(s).find((c) => c.last?.start === s.run?.start)?.last;
    const run = { start: s.run?.start ?? from, end: ended(s) ? (last?.end ?? cluster.now) : undefined };
    return runLines(cluster, s.pod, s.spec, run, cluster.now).flatMap((l) => (l.t > from ? [{ s, l }] : []));
  });
  for (const { s, l } of fresh.sort((a, b) => a.l.t - b.l.t)) show(s, [l]);
}

function run(ctx: Ctx): number {
  const { resource, container, selector } = validate(ctx);
  const pods = podsFor(ctx, resource, selector, () => check(ctx, container));
  const streams = streamsFor(ctx, pods, container);
  const [following, max] = [cmd.flagBool(ctx, "follow"), cmd.flagInt(ctx, "max-log-requests") ?? 5];
  const tooMany = `error: you are attempting to follow ${streams.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`;
  if (following && streams.length > max) fail(tooMany);
  const [from, since, show] = [ctx.cluster.now, sinceOf(ctx), printer(ctx)];
  const tail = ctx.args.set.has("tail") ? (cmd.flagInt(ctx, "tail") ?? -1) : selector ? 10 : -1;
  for (const s of streams) {
    if (!s.pod.spec?.nodeName) continue; // not scheduled: the API server answers with an empty log
    const picked = pickRun(ctx.cluster, s.pod, s.spec.name, cmd.flagBool(ctx, "previous"));
    if (typeof picked === "string") {
      if (!cmd.flagBool(ctx, "ignore-errors")) fail(`Error from server (BadRequest): ${picked}`);
      ctx.out.out(`error: ${picked}`);
      continue;
    }
    s.run = picked;
    const lines = runLines(ctx.cluster, s.pod, s.spec, picked, from).filter((l) => l.t >= since);
    show(s, tail >= 0 ? lines.slice(lines.length - tail) : lines);
  }
  const live = streams.filter((s) => s.run && s.run.end === undefined);
  if (following && live.length > 0) follow(ctx, live, show, from);
  return 0;
}

const SUMMARY = "Print the logs for a container in a pod";
/** `kubectl logs`: what a container printed, for its current or (with -p) its previous run. */
export const logsCommand: cmd.Command = { name: "logs", summary: SUMMARY, flags: FLAGS, run };
