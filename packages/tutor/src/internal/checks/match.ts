// Small matchers shared by the checks: counts and ranges, label subsets, dotted field paths, kinds.

import type { Count, FieldExpect } from "./schema.ts";

/** Whether `n` satisfies an exact count or a range. */
export function countOk(n: number, want: Count): boolean {
  if (typeof want === "number") return n === want;
  return (want.min === undefined || n >= want.min) && (want.max === undefined || n <= want.max);
}

/** "3", "at least 2", "between 1 and 5", "at most 4". */
export function countText(want: Count): string {
  if (typeof want === "number") return String(want);
  if (want.min !== undefined && want.max !== undefined) return `between ${want.min} and ${want.max}`;
  if (want.min !== undefined) return `at least ${want.min}`;
  if (want.max !== undefined) return `at most ${want.max}`;
  return "any number of";
}

/** Whether every wanted label is present with the same value. */
export function labelsMatch(have: Record<string, string> | undefined, want: Record<string, string>): boolean {
  return Object.entries(want).every(([k, v]) => have?.[k] === v);
}

/** "app=web,tier=frontend", as kubectl writes a selector. */
export function labelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
}

/**
 * Every value at a dotted path; `[*]` fans out over an array, `[2]` picks one element. Worked
 * example: `spec.containers[*].image` on a pod with two containers gives both images.
 */
export function valuesAt(obj: unknown, path: string): unknown[] {
  let current: unknown[] = [obj];
  for (const part of path.split(".")) {
    const m = /^([^[\]]*)((?:\[(?:\*|\d+)\])*)$/.exec(part);
    if (!m) return [];
    const next: unknown[] = [];
    for (const v of current) {
      const base = m[1] ? (v as Record<string, unknown> | undefined)?.[m[1]] : v;
      let items: unknown[] = [base];
      for (const idx of (m[2] ?? "").match(/\[(\*|\d+)\]/g) ?? []) {
        const inner = idx.slice(1, -1);
        items = items.flatMap((it) => (Array.isArray(it) ? (inner === "*" ? it : [it[Number(inner)]]) : []));
      }
      next.push(...items);
    }
    current = next.filter((v) => v !== undefined && v !== null);
  }
  return current;
}

function expectOk(value: unknown, want: FieldExpect): boolean {
  if (typeof want === "object") {
    if ("exists" in want) return want.exists;
    const n = Number(value);
    return (
      !Number.isNaN(n) &&
      (want.min === undefined || n >= want.min) &&
      (want.max === undefined || n <= want.max)
    );
  }
  return String(value) === String(want);
}

function expectText(want: FieldExpect): string {
  if (typeof want !== "object") return `be ${String(want)}`;
  if ("exists" in want) return want.exists ? "be set" : "be absent";
  return `be ${countText(want as Count)}`;
}

/** The first unmet field expectation, as "spec.replicas should be 3 (it is 2)", or undefined. */
export function fieldsProblem(obj: unknown, fields: Record<string, FieldExpect>): string | undefined {
  for (const [path, want] of Object.entries(fields)) {
    const values = valuesAt(obj, path);
    const ok =
      typeof want === "object" && "exists" in want
        ? values.length > 0 === want.exists
        : values.some((v) => expectOk(v, want));
    if (!ok) {
      const now =
        values.length === 0 ? "it is not set" : `it is ${values.map((v) => JSON.stringify(v)).join(", ")}`;
      return `${path} should ${expectText(want)} (${now})`;
    }
  }
  return undefined;
}

const KINDS: Record<string, { resource: string; namespaced: boolean }> = {
  pod: { resource: "pods", namespaced: true },
  deployment: { resource: "deployments", namespaced: true },
  replicaset: { resource: "replicasets", namespaced: true },
  service: { resource: "services", namespaced: true },
  endpoints: { resource: "endpoints", namespaced: true },
  configmap: { resource: "configmaps", namespaced: true },
  secret: { resource: "secrets", namespaced: true },
  resourcequota: { resource: "resourcequotas", namespaced: true },
  limitrange: { resource: "limitranges", namespaced: true },
  persistentvolumeclaim: { resource: "persistentvolumeclaims", namespaced: true },
  horizontalpodautoscaler: { resource: "horizontalpodautoscalers", namespaced: true },
  job: { resource: "jobs", namespaced: true },
  cronjob: { resource: "cronjobs", namespaced: true },
  daemonset: { resource: "daemonsets", namespaced: true },
  statefulset: { resource: "statefulsets", namespaced: true },
  ingress: { resource: "ingresses", namespaced: true },
  namespace: { resource: "namespaces", namespaced: false },
  node: { resource: "nodes", namespaced: false },
  persistentvolume: { resource: "persistentvolumes", namespaced: false },
  storageclass: { resource: "storageclasses", namespaced: false },
};

/** The API resource for a kind ("ConfigMap" → configmaps, namespaced), or undefined when unknown. */
export function resourceOf(kind: string): { resource: string; namespaced: boolean } | undefined {
  return KINDS[kind.toLowerCase()];
}

/** The kinds checks can name, for content validation. */
export const KNOWN_KINDS: readonly string[] = Object.keys(KINDS);
