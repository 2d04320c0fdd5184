// Rules about a pod spec's containers: pinned images, no literal credentials, resources, probes.

import { asArr, asObj, asStr, type Obj } from "../diff/read.ts";
import { type Finding, finding, names } from "./finding.ts";
import { imageProblem } from "./image.ts";
import { isLiteralCredential } from "./sensitive.ts";

/** Which of the optional rules apply to this pod spec (they depend on the kind that holds it). */
export interface ContainerRules {
  /** Requests and limits: for anything the cluster keeps running or runs as a job. */
  resources: boolean;
  /** Liveness and readiness probes: for long-running workloads only. */
  probes: boolean;
}

function containersOf(podSpec: Obj): { name: string; c: Obj }[] {
  return asArr(podSpec.containers)
    .map(asObj)
    .map((c, i) => ({ name: asStr(c.name) || `#${i + 1}`, c }));
}

/** Image findings for every container, init containers included. */
function imageFindings(podSpec: Obj, object: string): Finding[] {
  const all = [...asArr(podSpec.initContainers), ...asArr(podSpec.containers)].map(asObj);
  const images = [...new Set(all.map((c) => asStr(c.image)))];
  return images.flatMap((image) => {
    const problem = imageProblem(image);
    return problem ? [finding("image-tag", object, problem)] : [];
  });
}

/** Env vars named like credentials that carry a literal value instead of a secretKeyRef. */
function literalSecrets(podSpec: Obj): string[] {
  const out: string[] = [];
  for (const c of [...asArr(podSpec.initContainers), ...asArr(podSpec.containers)].map(asObj))
    for (const e of asArr(c.env).map(asObj)) {
      const name = asStr(e.name);
      const value = e.value;
      if (typeof value === "string" && isLiteralCredential(name, value))
        if (!out.includes(name)) out.push(name);
    }
  return out;
}

function resourceFindings(podSpec: Obj, object: string): Finding[] {
  const none: string[] = [];
  const noLimits: string[] = [];
  for (const { name, c } of containersOf(podSpec)) {
    const r = asObj(c.resources);
    const requests = Object.keys(asObj(r.requests)).length > 0;
    const limits = Object.keys(asObj(r.limits)).length > 0;
    // Limits alone are enough: the API server copies them into requests.
    if (!requests && !limits) none.push(name);
    else if (!limits) noLimits.push(name);
  }
  const which = (list: string[], single: string, many: string) =>
    `${list.length === 1 ? "Container" : "Containers"} ${names(list)} ${list.length === 1 ? single : many}`;
  const out: Finding[] = [];
  if (none.length)
    out.push(
      finding(
        "resources",
        object,
        `${which(none, "sets", "set")} no resource requests or limits: requests let the scheduler place pods safely, limits stop one pod starving its neighbours.`,
      ),
    );
  if (noLimits.length)
    out.push(
      finding(
        "resources",
        object,
        `${which(noLimits, "requests resources but sets no limits, so nothing stops it", "request resources but set no limits, so nothing stops them")} using a whole node.`,
      ),
    );
  return out;
}

function probeFindings(podSpec: Obj, object: string): Finding[] {
  const both: string[] = [];
  const noReadiness: string[] = [];
  const noLiveness: string[] = [];
  for (const { name, c } of containersOf(podSpec)) {
    const ready = c.readinessProbe !== undefined && c.readinessProbe !== null;
    const live = c.livenessProbe !== undefined && c.livenessProbe !== null;
    if (!ready && !live) both.push(name);
    else if (!ready) noReadiness.push(name);
    else if (!live) noLiveness.push(name);
  }
  const which = (list: string[]) => `${list.length === 1 ? "Container" : "Containers"} ${names(list)}`;
  const out: Finding[] = [];
  if (both.length)
    out.push(
      finding(
        "probes",
        object,
        `${which(both)} ${both.length === 1 ? "has" : "have"} no readiness or liveness probe: readiness keeps a pod out of its Service until it can answer, liveness restarts it when it hangs.`,
      ),
    );
  const one = (list: string[], single: string, many: string) => (list.length === 1 ? single : many);
  if (noReadiness.length)
    out.push(
      finding(
        "probes",
        object,
        `${which(noReadiness)} ${one(noReadiness, "gets traffic before it is", "get traffic before they are")} ready to answer: add a readiness probe.`,
      ),
    );
  if (noLiveness.length)
    out.push(
      finding(
        "probes",
        object,
        `${which(noLiveness)} ${one(noLiveness, "is never restarted if it hangs", "are never restarted if they hang")}: add a liveness probe.`,
      ),
    );
  return out;
}

/** Reviews a pod spec (a Pod's `spec` or a template's `spec`) of the object named `object`. */
export function reviewPodSpec(podSpec: Obj, object: string, rules: ContainerRules): Finding[] {
  const out = imageFindings(podSpec, object);
  const literals = literalSecrets(podSpec);
  if (literals.length)
    out.push(
      finding(
        "secret-literal",
        object,
        `${names(literals)} ${literals.length === 1 ? "is a credential" : "are credentials"} written into the manifest in plain text; put ${literals.length === 1 ? "it" : "them"} in a Secret and read ${literals.length === 1 ? "it" : "them"} with valueFrom.secretKeyRef.`,
      ),
    );
  if (rules.resources) out.push(...resourceFindings(podSpec, object));
  if (rules.probes) out.push(...probeFindings(podSpec, object));
  return out;
}
