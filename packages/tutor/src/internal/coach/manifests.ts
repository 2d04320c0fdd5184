// Reviews the objects a learner just applied against the course's key takeaways.

import { asArr, asNum, asObj, asStr, type Obj } from "../diff/read.ts";
import { reviewPodSpec } from "./containers.ts";
import { type Finding, finding, names } from "./finding.ts";
import { isToolImage } from "./image.ts";
import { isLiteralCredential } from "./sensitive.ts";

/** Kinds that keep pods running, with where their pod spec sits. */
const LONG_RUNNING = new Set(["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"]);

/** Flattens `kind: List` (what `kubectl get -o yaml` prints) into its items; drops anything not an object. */
function objectsOf(manifests: readonly unknown[]): Obj[] {
  const out: Obj[] = [];
  const visit = (m: unknown, depth: number) => {
    const o = asObj(m);
    if (Array.isArray(o.items) && /List$/.test(asStr(o.kind)) && depth < 4)
      for (const item of o.items) visit(item, depth + 1);
    else if (asStr(o.kind)) out.push(o);
  };
  for (const m of manifests) visit(m, 0);
  return out;
}

/** "deployment/web", as kubectl names an object. */
function refOf(o: Obj): string {
  const meta = asObj(o.metadata);
  const name = asStr(meta.name) || (asStr(meta.generateName) ? `${asStr(meta.generateName)}…` : "<unnamed>");
  return `${asStr(o.kind).toLowerCase()}/${name}`;
}

/** True when the pod spec mounts a PersistentVolumeClaim: one such disk attaches to one node, so one replica is right. */
function usesClaim(podSpec: Obj): boolean {
  return asArr(podSpec.volumes).some((v) => asObj(v).persistentVolumeClaim !== undefined);
}

/**
 * A bare Pod "serves" when it is meant to keep running an app: it restarts always (the default)
 * and declares a port, or runs its image's own entrypoint (no command) and that image is not a
 * shell like busybox. A `sleep 3600` debugging pod or a one-off with restartPolicy Never is not.
 */
function servesApp(podSpec: Obj): boolean {
  const policy = asStr(podSpec.restartPolicy) || "Always";
  if (policy !== "Always") return false;
  const containers = asArr(podSpec.containers).map(asObj);
  if (containers.some((c) => asArr(c.ports).length > 0)) return true;
  return containers.some(
    (c) => c.command === undefined && c.args === undefined && !isToolImage(asStr(c.image)),
  );
}

/** Label sets that Services in the same batch select, to tell a served workload from a worker. */
function selectors(objects: readonly Obj[]): Record<string, unknown>[] {
  return objects
    .filter((o) => asStr(o.kind) === "Service")
    .map((o) => asObj(asObj(o.spec).selector))
    .filter((s) => Object.keys(s).length > 0);
}

/** A workload serves when a container declares a port or a Service in the batch selects its pods. */
function served(template: Obj, services: readonly Record<string, unknown>[]): boolean {
  const podSpec = asObj(template.spec);
  if (asArr(podSpec.containers).some((c) => asArr(asObj(c).ports).length > 0)) return true;
  const labels = asObj(asObj(template.metadata).labels);
  return services.some((sel) => Object.entries(sel).every(([k, v]) => labels[k] === v));
}

/** Names of workloads that an HorizontalPodAutoscaler in the same batch scales (it owns their replica count). */
function autoscaled(objects: readonly Obj[]): Set<string> {
  const out = new Set<string>();
  for (const o of objects)
    if (asStr(o.kind) === "HorizontalPodAutoscaler") {
      const ref = asObj(asObj(o.spec).scaleTargetRef);
      out.add(`${asStr(ref.kind).toLowerCase()}/${asStr(ref.name)}`);
    }
  return out;
}

interface Batch {
  /** Workloads an HPA in the batch scales. */
  scaled: ReadonlySet<string>;
  /** Selectors of the batch's Services. */
  services: readonly Record<string, unknown>[];
}

function reviewObject(o: Obj, batch: Batch): Finding[] {
  const kind = asStr(o.kind);
  const ref = refOf(o);
  const spec = asObj(o.spec);
  if (kind === "Pod") {
    const owned = asArr(asObj(o.metadata).ownerReferences).length > 0;
    const out: Finding[] = [];
    if (!owned && servesApp(spec))
      out.push(
        finding(
          "deployment-not-pod",
          ref,
          "Nothing recreates a bare Pod when it or its node fails; run an app you want kept up as a Deployment.",
        ),
      );
    // Resources and probes are advice for the Deployment this should become; one tip at a time.
    return [...out, ...reviewPodSpec(spec, ref, { resources: false, probes: false })];
  }
  if (LONG_RUNNING.has(kind)) {
    const template = asObj(spec.template);
    const podSpec = asObj(template.spec);
    const out: Finding[] = [];
    const replicas = spec.replicas === undefined ? 1 : asNum(spec.replicas);
    if (
      (kind === "Deployment" || kind === "ReplicaSet") &&
      replicas === 1 &&
      !batch.scaled.has(ref) &&
      !usesClaim(podSpec) &&
      served(template, batch.services)
    )
      out.push(
        finding(
          "replicas",
          ref,
          `${kind} ${asStr(asObj(o.metadata).name)} runs a single replica, so the app is down whenever that pod is replaced; run at least two.`,
        ),
      );
    return [...out, ...reviewPodSpec(podSpec, ref, { resources: true, probes: true })];
  }
  if (kind === "Job")
    return reviewPodSpec(asObj(asObj(spec.template).spec), ref, { resources: true, probes: false });
  if (kind === "CronJob") {
    const jobSpec = asObj(asObj(spec.jobTemplate).spec);
    return reviewPodSpec(asObj(asObj(jobSpec.template).spec), ref, { resources: true, probes: false });
  }
  if (kind === "ConfigMap") {
    const keys = Object.entries(asObj(o.data))
      .filter(([k, v]) => typeof v === "string" && isLiteralCredential(k, v))
      .map(([k]) => k);
    if (keys.length)
      return [
        finding(
          "secret-literal",
          ref,
          `${names(keys)} ${keys.length === 1 ? "looks like a credential" : "look like credentials"}, but a ConfigMap shows its values to anyone who can read it; keep ${keys.length === 1 ? "it" : "them"} in a Secret.`,
        ),
      ];
  }
  return [];
}

/**
 * Reviews applied objects (parsed YAML or JSON, any kinds, `kind: List` included) against the
 * course's key takeaways: Deployments rather than bare Pods, more than one replica of a served
 * app (one that declares a port or that a Service in the batch selects; not one on a
 * PersistentVolumeClaim, nor one an HPA in the batch scales), requests and
 * limits, probes, pinned image tags, and Secrets rather than literal credentials. Returns one
 * finding per rule and object (per problem for resources and probes), in manifest order; a
 * manifest that follows the practices gets none. Never throws, whatever the input.
 */
export function reviewManifests(manifests: unknown[]): Finding[] {
  if (manifests.length === 0) return []; // every command without `-f -`
  const objects = objectsOf(manifests);
  const batch: Batch = { scaled: autoscaled(objects), services: selectors(objects) };
  return objects.flatMap((o) => reviewObject(o, batch));
}
