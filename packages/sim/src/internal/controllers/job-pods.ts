// The pods of a Job: the generated selector and labels, indexed pod templates, and counting what finished.

import type { Store } from "../api/store.ts";
import type { KObject } from "../api/types.ts";
import { controllerRef, isTerminating, podPhase } from "./context.ts";

export const JOB_TRACKING = "batch.kubernetes.io/job-tracking";
export const INDEX_KEY = "batch.kubernetes.io/job-completion-index";

function sortedLabels(labels: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(labels).sort()) out[k] = labels[k] as string;
  return out;
}

/**
 * The Job strategy's generateSelector (it needs the uid, so it runs once the Job is stored): the
 * template gets job-name and controller-uid labels in their legacy and batch.kubernetes.io forms, the
 * selector matches the uid, and a Job without labels takes the template's (SetDefaults_Job).
 * Returns whether it changed the Job.
 */
export function prepareJob(store: Store, job: KObject): boolean {
  const spec = job.spec;
  if (!spec || spec.manualSelector === true || spec.selector) return false;
  const uid = job.metadata.uid;
  const name = job.metadata.name;
  spec.template = spec.template ?? {};
  spec.template.metadata = spec.template.metadata ?? {};
  const labels: Record<string, string> = {
    "batch.kubernetes.io/controller-uid": uid,
    "batch.kubernetes.io/job-name": name,
    "controller-uid": uid,
    "job-name": name,
    ...(spec.template.metadata.labels ?? {}),
  };
  spec.template.metadata.labels = sortedLabels(labels);
  spec.selector = { matchLabels: { "batch.kubernetes.io/controller-uid": uid } };
  if (!job.metadata.labels || Object.keys(job.metadata.labels).length === 0)
    job.metadata.labels = { ...spec.template.metadata.labels };
  store.touch(job);
  return true;
}

/** The job's pods, by controller reference. */
export function podsOf(job: KObject, all: readonly KObject[]): KObject[] {
  return all.filter((p) => controllerRef(p)?.uid === job.metadata.uid);
}

export function isActiveJobPod(p: KObject): boolean {
  const ph = podPhase(p);
  return ph !== "Succeeded" && ph !== "Failed" && !isTerminating(p);
}

export function indexOf(p: KObject): number | undefined {
  const v = p.metadata.annotations?.[INDEX_KEY] ?? p.metadata.labels?.[INDEX_KEY];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** When a finished pod's last container stopped (epoch ms), from its status. */
export function finishedAt(p: KObject, fallback: number): number {
  let t: number | undefined;
  for (const s of (p.status?.containerStatuses ?? []) as {
    state?: { terminated?: { finishedAt?: string } };
  }[]) {
    const f = s.state?.terminated?.finishedAt;
    if (f) t = Math.max(t ?? 0, Date.parse(f));
  }
  return t ?? fallback;
}

/**
 * The template for index `i` of an Indexed Job (podGenerateNameWithIndex and addCompletionIndex*):
 * the index as annotation and label, hostname `<job>-<i>`, and JOB_COMPLETION_INDEX in every container.
 */
export function indexedTemplate(job: KObject, i: number) {
  return (t: KObject["spec"]): KObject["spec"] => {
    t.metadata = t.metadata ?? {};
    t.metadata.annotations = { ...(t.metadata.annotations ?? {}), [INDEX_KEY]: String(i) };
    t.metadata.labels = { ...(t.metadata.labels ?? {}), [INDEX_KEY]: String(i) };
    t.spec.hostname = t.spec.hostname ?? `${job.metadata.name}-${i}`;
    for (const c of [...(t.spec.initContainers ?? []), ...(t.spec.containers ?? [])]) {
      const env = (c.env ?? []) as { name: string }[];
      if (!env.some((e) => e.name === "JOB_COMPLETION_INDEX")) {
        c.env = [
          ...env,
          {
            name: "JOB_COMPLETION_INDEX",
            valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: `metadata.annotations['${INDEX_KEY}']` } },
          },
        ];
      }
    }
    return t;
  };
}

/** Parses "1,3-5,7" into a set of indexes. */
export function parseIndexes(text: string | undefined): Set<number> {
  const out = new Set<number>();
  for (const part of (text ?? "").split(",")) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) continue;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    for (let i = a; i <= b && i - a < 100_000; i++) out.add(i);
  }
  return out;
}

/**
 * Formats indexes as the API does: ascending, runs of three or more compressed.
 * Example: {1, 3, 4, 5, 7} → "1,3-5,7"; {0, 1} → "0,1".
 */
export function formatIndexes(set: Set<number>): string {
  const xs = [...set].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < xs.length; ) {
    let j = i;
    while (j + 1 < xs.length && (xs[j + 1] as number) === (xs[j] as number) + 1) j++;
    if (j - i >= 2) parts.push(`${xs[i]}-${xs[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(xs[k]));
    i = j + 1;
  }
  return parts.join(",");
}
