// Checks on other objects: Services and their endpoints, any object by kind and name, nodes, events.

import type { KObject, Sim } from "@bosun/sim";
import type { z } from "zod";
import { countOk, countText, fieldsProblem, labelsMatch, labelText, resourceOf } from "./match.ts";
import type { CheckResult } from "./result.ts";
import type {
  eventCheckSchema,
  nodeCheckSchema,
  objectCheckSchema,
  refSchema,
  serviceCheckSchema,
} from "./schema.ts";

const pass = (detail: string): CheckResult => ({ pass: true, detail });
const fail = (detail: string): CheckResult => ({ pass: false, detail });

function lookup(kind: string, name: string, ns: string, sim: Sim): { obj?: KObject; where: string } {
  const r = resourceOf(kind);
  if (!r) return { where: "" };
  const obj = sim.get(r.resource, r.namespaced ? ns : undefined, name);
  return { ...(obj ? { obj } : {}), where: r.namespaced ? ` in namespace ${ns}` : "" };
}

/** Ready addresses behind a Service, from its Endpoints object. */
function readyEndpoints(sim: Sim, ns: string, name: string): number {
  const ep = sim.get("endpoints", ns, name);
  const subsets: { addresses?: unknown[] }[] = (ep?.subsets as { addresses?: unknown[] }[] | undefined) ?? [];
  return subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
}

/** `service:` passes when the Service exists with the asked type, ports, selector and endpoints. */
export function evaluateService(spec: z.infer<typeof serviceCheckSchema>, sim: Sim, ns: string): CheckResult {
  const svc = sim.get("services", ns, spec.name);
  if (!svc) return fail(`There is no Service named ${spec.name} in namespace ${ns} yet.`);
  const n = spec.name;
  const type: string = svc.spec?.type ?? "ClusterIP";
  if (spec.type !== undefined && type !== spec.type)
    return fail(`Service ${n} is of type ${type}, not ${spec.type}.`);
  const ports: { port?: number; targetPort?: number | string }[] = svc.spec?.ports ?? [];
  if (spec.port !== undefined && !ports.some((p) => p.port === spec.port))
    return fail(
      `Service ${n} listens on ${ports.map((p) => p.port).join(", ") || "no port"}, not ${spec.port}.`,
    );
  if (
    spec.targetPort !== undefined &&
    !ports.some((p) => String(p.targetPort ?? p.port) === String(spec.targetPort))
  )
    return fail(
      `Service ${n} forwards to port ${ports.map((p) => p.targetPort ?? p.port).join(", ")}, not ${spec.targetPort}.`,
    );
  const selector: Record<string, string> | undefined = svc.spec?.selector;
  if (spec.selector !== undefined && !labelsMatch(selector, spec.selector))
    return fail(
      `Service ${n} selects ${selector ? labelText(selector) : "nothing"}, not ${labelText(spec.selector)}.`,
    );
  if (spec.externalName !== undefined && svc.spec?.externalName !== spec.externalName)
    return fail(
      `Service ${n} points to ${svc.spec?.externalName ?? "no external name"}, not ${spec.externalName}.`,
    );
  const ingress: unknown[] = svc.status?.loadBalancer?.ingress ?? [];
  if (spec.externalIP !== undefined && ingress.length > 0 !== spec.externalIP)
    return fail(
      spec.externalIP
        ? `Service ${n} is still waiting for an external IP.`
        : `Service ${n} has an external IP.`,
    );
  const eps = readyEndpoints(sim, ns, n);
  if (spec.endpoints !== undefined && !countOk(eps, spec.endpoints))
    return fail(
      `Service ${n} has ${eps} ready endpoint${eps === 1 ? "" : "s"}; it needs ${countText(spec.endpoints)}` +
        (eps === 0 && selector ? ` (does any ready pod carry ${labelText(selector)}?).` : "."),
    );
  return pass(`Service ${n} (${type}) has ${eps} ready endpoint${eps === 1 ? "" : "s"}.`);
}

function decode(value: string): string {
  return Buffer.from(value, "base64").toString("utf8");
}

/** `object:` passes when the object exists with the asked labels, data values, keys and fields. */
export function evaluateObject(spec: z.infer<typeof objectCheckSchema>, sim: Sim, ns: string): CheckResult {
  const { obj, where } = lookup(spec.kind, spec.name, ns, sim);
  const what = `${spec.kind} ${spec.name}`;
  if (!obj) return fail(`There is no ${what}${where} yet.`);
  if (spec.labels && !labelsMatch(obj.metadata.labels, spec.labels))
    return fail(`${what} is not labelled ${labelText(spec.labels)}.`);
  const raw = (obj.data ?? {}) as Record<string, string>;
  const isSecret = obj.kind === "Secret";
  for (const [k, v] of Object.entries(spec.data ?? {})) {
    const have = raw[k];
    if (have === undefined) return fail(`${what} has no key ${k}.`);
    if ((isSecret ? decode(have) : have) !== v) return fail(`${what} has ${k}, but not the value ${v}.`);
  }
  for (const k of spec.keys ?? []) if (raw[k] === undefined) return fail(`${what} has no key ${k}.`);
  const field = spec.fields && fieldsProblem(obj, spec.fields);
  if (field) return fail(`In ${what}, ${field}.`);
  return pass(`${what} is there as asked.`);
}

/** `exists:` passes when the object is there (a terminating object still counts as there). */
export function evaluateExists(spec: z.infer<typeof refSchema>, sim: Sim, ns: string): CheckResult {
  const { obj, where } = lookup(spec.kind, spec.name, ns, sim);
  return obj
    ? pass(`${spec.kind} ${spec.name} exists${where}.`)
    : fail(`There is no ${spec.kind} ${spec.name}${where} yet.`);
}

/** `absent:` passes when the object is gone; one still terminating is not gone yet. */
export function evaluateAbsent(spec: z.infer<typeof refSchema>, sim: Sim, ns: string): CheckResult {
  const { obj, where } = lookup(spec.kind, spec.name, ns, sim);
  if (!obj) return pass(`${spec.kind} ${spec.name} is gone${where}.`);
  if (obj.metadata.deletionTimestamp)
    return fail(`${spec.kind} ${spec.name} is still terminating; give it a moment.`);
  return fail(`${spec.kind} ${spec.name} still exists${where}.`);
}

function nodeReady(n: KObject): boolean {
  const conds: { type: string; status: string }[] = n.status?.conditions ?? [];
  return conds.some((c) => c.type === "Ready" && c.status === "True");
}

/** `node:` passes when the number of nodes with those labels (and readiness, schedulability) is within `count`. */
export function evaluateNode(spec: z.infer<typeof nodeCheckSchema>, sim: Sim): CheckResult {
  const selected = sim
    .list("nodes")
    .filter((n) => !spec.labels || labelsMatch(n.metadata.labels, spec.labels))
    .filter(
      (n) =>
        !spec.instanceType || n.metadata.labels?.["node.kubernetes.io/instance-type"] === spec.instanceType,
    );
  const matching = selected
    .filter((n) => spec.ready === undefined || nodeReady(n) === spec.ready)
    .filter((n) => spec.schedulable === undefined || !n.spec?.unschedulable === spec.schedulable);
  const want = spec.count ?? { min: 1 };
  const which = [
    spec.labels && `labelled ${labelText(spec.labels)}`,
    spec.instanceType && `of size ${spec.instanceType}`,
  ]
    .filter(Boolean)
    .join(" ");
  const state = [
    spec.ready === undefined ? "" : spec.ready ? "Ready" : "NotReady",
    spec.schedulable === undefined ? "" : spec.schedulable ? "schedulable" : "cordoned",
  ]
    .filter(Boolean)
    .join(" and ");
  const summary = `${matching.length} node${matching.length === 1 ? "" : "s"}${which ? ` ${which}` : ""}${state ? ` ${state}` : ""}`;
  return countOk(matching.length, want)
    ? pass(`There ${matching.length === 1 ? "is" : "are"} ${summary}.`)
    : fail(`There ${matching.length === 1 ? "is" : "are"} ${summary}; ${countText(want)} needed.`);
}

/** `event:` passes when the cluster recorded an event with that reason (for that kind and name prefix). */
export function evaluateEvent(spec: z.infer<typeof eventCheckSchema>, sim: Sim, ns: string): CheckResult {
  const found = sim
    .events()
    .find(
      (e) =>
        e.reason === spec.reason &&
        (spec.kind === undefined || e.involved.kind === spec.kind) &&
        (spec.name === undefined || e.involved.name.startsWith(spec.name)) &&
        (e.involved.namespace === undefined || e.involved.namespace === (spec.namespace ?? ns)),
    );
  const about = `${spec.kind ?? "object"}${spec.name ? ` ${spec.name}` : ""}`;
  return found
    ? pass(
        `The cluster recorded ${spec.reason} for ${found.involved.kind} ${found.involved.name}: ${found.message}`,
      )
    : fail(`No ${spec.reason} event for ${about} yet.`);
}
