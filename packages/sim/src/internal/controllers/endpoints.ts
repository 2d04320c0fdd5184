// Endpoints controller: every Service with a selector lists the IPs of its matching pods.

import { resourceForKind } from "../api/resources.ts";
import type { KObject } from "../api/types.ts";
import { matches, selectorFromMatchLabels } from "../kubectl/selector.ts";
import { canonicalJson } from "../util/canonical.ts";
import {
  type Controller,
  type ControllerContext,
  isPodReady,
  podsByNamespace,
  QuietObjects,
  VersionTally,
} from "./context.ts";

const EP_INFO = resourceForKind("Endpoints");

type ServicePort = { name?: string; port: number; targetPort?: number | string; protocol?: string };
type ContainerPort = { name?: string; containerPort: number; protocol?: string };

/** A named targetPort resolves per pod through its containers' port names. */
function resolvePort(pod: KObject, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === "number") return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of (pod.spec?.containers ?? []) as { ports?: ContainerPort[] }[]) {
    const p = c.ports?.find((x) => x.name === target && (x.protocol ?? "TCP") === (sp.protocol ?? "TCP"));
    if (p) return p.containerPort;
  }
  return undefined;
}

function address(pod: KObject) {
  return {
    ip: pod.status.podIP as string,
    nodeName: pod.spec.nodeName as string,
    targetRef: {
      kind: "Pod",
      name: pod.metadata.name,
      namespace: pod.metadata.namespace ?? "default",
      uid: pod.metadata.uid,
    },
  };
}

const byIp = (a: unknown, b: unknown) => ((a as { ip: string }).ip < (b as { ip: string }).ip ? -1 : 1);

/** Endpoints subsets, grouped by resolved port set as the endpoints controller repacks them. */
export function desiredSubsets(svc: KObject, pods: KObject[]): unknown[] {
  const ports = (svc.spec?.ports ?? []) as ServicePort[];
  const groups = new Map<string, { ports: unknown[]; addresses: unknown[]; notReadyAddresses: unknown[] }>();
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  for (const pod of pods) {
    if (!pod.status?.podIP || pod.metadata.deletionTimestamp) continue;
    const phase = pod.status?.phase as string;
    if (phase === "Succeeded" || phase === "Failed") continue;
    const resolved = ports
      .map((sp) => ({ sp, port: resolvePort(pod, sp) }))
      .filter((x) => x.port !== undefined);
    if (resolved.length === 0) continue;
    const epPorts = resolved.map(({ sp, port }) => ({
      ...(sp.name ? { name: sp.name } : {}),
      port,
      protocol: sp.protocol ?? "TCP",
    }));
    // Grouping key: the resolved ports in order (injective over name, port and protocol).
    let key = "";
    for (const p of epPorts) key += `${JSON.stringify([p.name ?? null, p.port, p.protocol])},`;
    let g = groups.get(key);
    if (!g) {
      g = { ports: epPorts, addresses: [], notReadyAddresses: [] };
      groups.set(key, g);
    }
    if (isPodReady(pod) || publishNotReady) g.addresses.push(address(pod));
    else g.notReadyAddresses.push(address(pod));
  }
  return [...groups.values()].map((g) => ({
    ...(g.addresses.length ? { addresses: g.addresses.sort(byIp) } : {}),
    ...(g.notReadyAddresses.length ? { notReadyAddresses: g.notReadyAddresses.sort(byIp) } : {}),
    ports: g.ports,
  }));
}

/** The subsets last written to (or found equal in) each Endpoints object, as JSON text. */
const signatures = new WeakMap<KObject, string>();
/**
 * The subsets array this controller last stored in each Endpoints object. While the object still
 * holds it, its JSON text is the signature: both sides come from desiredSubsets, which builds keys
 * in one order, so differing JSON means differing content and the canonical comparison is skipped.
 */
const written = new WeakMap<KObject, unknown>();

function syncService(ctx: ControllerContext, svc: KObject, podsByNs: Map<string, KObject[]>): boolean {
  const { store } = ctx;
  const ns = svc.metadata.namespace ?? "default";
  const selector = svc.spec?.selector as Record<string, string> | undefined;
  if (!selector || svc.spec?.type === "ExternalName" || !EP_INFO) return false;
  const sel = selectorFromMatchLabels(selector);
  const pods = (podsByNs.get(ns) ?? []).filter((p) => matches(sel, p.metadata.labels));
  const subsets = desiredSubsets(svc, pods);
  const existing = store.get("endpoints", ns, svc.metadata.name);
  const labels = { ...(svc.metadata.labels ?? {}) };
  if (existing) {
    const sig = JSON.stringify(subsets);
    if (signatures.get(existing) === sig) return false;
    const ours = existing.subsets !== undefined && written.get(existing) === existing.subsets;
    if (!ours && canonicalJson(existing.subsets ?? []) === canonicalJson(subsets)) {
      signatures.set(existing, sig);
      return false;
    }
    signatures.set(existing, sig);
    if (subsets.length) {
      existing.subsets = subsets;
      written.set(existing, subsets);
    } else delete existing.subsets;
    store.touch(existing);
    return true;
  }
  const ep: KObject = {
    apiVersion: "v1",
    kind: "Endpoints",
    metadata: {
      name: svc.metadata.name,
      namespace: ns,
      uid: "",
      resourceVersion: "",
      creationTimestamp: "",
      ...(Object.keys(labels).length ? { labels } : {}),
    },
    ...(subsets.length ? { subsets } : {}),
  };
  store.create(EP_INFO, ep);
  return true;
}

const quietServices = new QuietObjects();

/** VersionGroups' key of the pods a selector picks, without building the group. */
function selectedPodsKey(wanted: [string, string][], pods: readonly KObject[] | undefined): string {
  const tally = new VersionTally();
  for (const p of pods ?? []) {
    const labels = p.metadata.labels;
    if (labels && wanted.every(([k, v]) => labels[k] === v)) tally.add(p);
  }
  return tally.key();
}

/** A Service selector's entries, per selector object (updates replace it, nothing edits it). */
function selectorEntries(selector: Record<string, string>): [string, string][] {
  let entries = selectorLists.get(selector);
  if (!entries) {
    entries = Object.entries(selector);
    selectorLists.set(selector, entries);
  }
  return entries;
}

const selectorLists = new WeakMap<object, [string, string][]>();

export const endpointsController: Controller = {
  name: "endpoints",
  watches: ["Pod", "Service", "Endpoints"],
  sync(ctx) {
    const podsByNs = podsByNamespace(ctx);
    let changed = false;
    for (const svc of ctx.store.each("services")) {
      const ns = svc.metadata.namespace ?? "";
      const ep = ctx.store.get("endpoints", ns, svc.metadata.name);
      const selector = svc.spec?.selector as Record<string, string> | undefined;
      // The selected pods' versions, as a VersionGroups key (their number and highest version).
      const podKey = selector ? selectedPodsKey(selectorEntries(selector), podsByNs.get(ns)) : "";
      const key = `${svc.metadata.resourceVersion}|${ep?.metadata.resourceVersion ?? ""}|${podKey}`;
      // syncService writes the Endpoints to match the pods in one go; it leaves the pods alone, so
      // the sync settles at the key after it.
      if (quietServices.settled(svc, key)) continue;
      const wrote = syncService(ctx, svc, podsByNs);
      const after = wrote
        ? `${svc.metadata.resourceVersion}|${ctx.store.get("endpoints", ns, svc.metadata.name)?.metadata.resourceVersion ?? ""}|${podKey}`
        : undefined;
      quietServices.settle(svc, key, wrote, after);
      if (wrote) changed = true;
    }
    // Endpoints of a deleted selector-based Service go with it.
    for (const ep of ctx.store.each("endpoints")) {
      const svc = ctx.store.get("services", ep.metadata.namespace, ep.metadata.name);
      if (
        !svc &&
        ep.metadata.labels?.["endpointslice.kubernetes.io/skip-mirror"] === undefined &&
        ep.metadata.name !== "kubernetes"
      ) {
        ctx.store.remove("endpoints", ep);
        changed = true;
      }
    }
    return changed;
  },
};
