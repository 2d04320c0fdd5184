// Checks on workloads: Deployments, pods, rollouts and HorizontalPodAutoscalers.

import type { KObject, Sim } from "@bosun/sim";
import type { z } from "zod";
import { countOk, countText, fieldsProblem, labelsMatch, labelText } from "./match.ts";
import type { CheckResult } from "./result.ts";
import type { deploymentCheckSchema, hpaCheckSchema, podsCheckSchema, rolloutCheckSchema } from "./schema.ts";

const pass = (detail: string): CheckResult => ({ pass: true, detail });
const fail = (detail: string): CheckResult => ({ pass: false, detail });

/** The images of a pod template's (or pod spec's) containers. */
function imagesOf(podSpec: { containers?: { image?: string }[] } | undefined): string[] {
  return (podSpec?.containers ?? []).map((c) => c.image ?? "");
}

/** "has 2 of 3 ready replicas" when the target is exact, "has 2 ready replicas (needs at least 3)" otherwise. */
function ofText(n: number, want: z.infer<typeof deploymentCheckSchema>["replicas"], what: string): string {
  if (typeof want === "number") return `has ${n} of ${want} ${what}`;
  return `has ${n} ${what} (needs ${countText(want ?? {})})`;
}

function deploymentProblems(d: KObject, spec: z.infer<typeof deploymentCheckSchema>): string[] {
  const name = d.metadata.name;
  const st = d.status ?? {};
  const problems: string[] = [];
  const replicas: number = d.spec?.replicas ?? 1;
  if (spec.replicas !== undefined && !countOk(replicas, spec.replicas))
    problems.push(`${name} asks for ${replicas} replicas, not ${countText(spec.replicas)}`);
  const counters = [
    ["readyReplicas", "ready replicas"],
    ["updatedReplicas", "up-to-date replicas"],
    ["availableReplicas", "available replicas"],
  ] as const;
  for (const [key, words] of counters) {
    const want = spec[key];
    const have: number = st[key] ?? 0;
    if (want !== undefined && !countOk(have, want)) problems.push(`${name} ${ofText(have, want, words)}`);
  }
  const images = imagesOf(d.spec?.template?.spec);
  if (spec.image !== undefined && !images.includes(spec.image))
    problems.push(`${name} runs ${images.join(", ") || "no image"}, not ${spec.image}`);
  const field = spec.fields && fieldsProblem(d, spec.fields);
  if (field) problems.push(`in Deployment ${name}, ${field}`);
  return problems;
}

/** `deployment:` passes when some Deployment with that name or those pod labels is in the asked state. */
export function evaluateDeployment(
  spec: z.infer<typeof deploymentCheckSchema>,
  sim: Sim,
  ns: string,
): CheckResult {
  const found = sim
    .list("deployments", ns)
    .filter((d) => spec.name === undefined || d.metadata.name === spec.name)
    .filter((d) => !spec.labels || labelsMatch(d.spec?.template?.metadata?.labels, spec.labels));
  if (found.length === 0) {
    const what = spec.name ? `named ${spec.name}` : `with pods labelled ${labelText(spec.labels ?? {})}`;
    return fail(`There is no Deployment ${what} in namespace ${ns} yet.`);
  }
  let firstProblems: string[] | undefined;
  for (const d of found) {
    const problems = deploymentProblems(d, spec);
    if (problems.length === 0) {
      const ready = d.status?.readyReplicas ?? 0;
      const images = imagesOf(d.spec?.template?.spec).join(", ");
      return pass(
        `${d.metadata.name} has ${ready} of ${d.spec?.replicas ?? 1} ready replicas running ${images}.`,
      );
    }
    firstProblems ??= problems;
  }
  return fail(`${(firstProblems ?? []).join("; ")}.`);
}

/** The pod's STATUS as `kubectl get pods` shows it: a waiting or terminated reason, else the phase. */
export function podStatus(pod: KObject): string {
  if (pod.metadata.deletionTimestamp) return "Terminating";
  const statuses: { state?: { waiting?: { reason?: string }; terminated?: { reason?: string } } }[] =
    pod.status?.containerStatuses ?? [];
  for (const s of statuses) {
    if (s.state?.waiting?.reason) return s.state.waiting.reason;
    if (s.state?.terminated?.reason && pod.status?.phase !== "Running") return s.state.terminated.reason;
  }
  return pod.status?.phase ?? "Pending";
}

function podReady(pod: KObject): boolean {
  const conds: { type: string; status: string }[] = pod.status?.conditions ?? [];
  return conds.some((c) => c.type === "Ready" && c.status === "True");
}

function podOwner(pod: KObject): string {
  return pod.metadata.ownerReferences?.find((o) => o.controller)?.kind ?? "none";
}

function podMatches(pod: KObject, spec: z.infer<typeof podsCheckSchema>): boolean {
  if (spec.phase !== undefined && pod.status?.phase !== spec.phase) return false;
  if (spec.ready !== undefined && podReady(pod) !== spec.ready) return false;
  if (spec.image !== undefined && !imagesOf(pod.spec).includes(spec.image)) return false;
  if (spec.status !== undefined && podStatus(pod) !== spec.status) return false;
  if (spec.restarts !== undefined) {
    const restarts = (pod.status?.containerStatuses ?? []).reduce(
      (n: number, s: { restartCount?: number }) => n + (s.restartCount ?? 0),
      0,
    );
    if (!countOk(restarts, spec.restarts)) return false;
  }
  return !(spec.fields && fieldsProblem(pod, spec.fields));
}

function podStateText(spec: z.infer<typeof podsCheckSchema>): string {
  const parts = [
    spec.status ?? spec.phase,
    spec.ready === undefined ? undefined : spec.ready ? "ready" : "not ready",
    spec.image && `running ${spec.image}`,
    spec.restarts !== undefined ? `with ${countText(spec.restarts)} restarts` : undefined,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "present";
}

/** `pods:` passes when the number of selected pods in the asked state is within `count` (default: at least 1). */
export function evaluatePods(spec: z.infer<typeof podsCheckSchema>, sim: Sim, ns: string): CheckResult {
  const selected = sim
    .list("pods", ns)
    .filter((p) => !p.metadata.deletionTimestamp)
    .filter((p) => spec.name === undefined || p.metadata.name === spec.name)
    .filter((p) => !spec.selector || labelsMatch(p.metadata.labels, spec.selector))
    .filter((p) => spec.owner === undefined || podOwner(p) === spec.owner);
  const which = (n: number) =>
    spec.name
      ? `pod ${spec.name}`
      : `${n === 1 ? "pod" : "pods"}${spec.selector ? ` labelled ${labelText(spec.selector)}` : ""}${spec.owner === "none" ? " without a controller" : ""}`;
  const want = spec.count ?? { min: 1 };
  const matching = selected.filter((p) => podMatches(p, spec));
  const state = podStateText(spec);
  if (countOk(matching.length, want)) {
    const n = matching.length;
    return pass(
      `${spec.name ? "" : `${n} `}${which(n)} ${n === 1 ? "is" : "are"} ${state} in namespace ${ns}.`,
    );
  }
  if (selected.length === 0)
    return fail(`There ${spec.name ? "is no" : "are no"} ${which(2)} in namespace ${ns}.`);
  const statuses = [...new Set(selected.map(podStatus))].join(", ");
  return fail(
    `${matching.length} of ${selected.length} ${which(selected.length)} ${selected.length === 1 ? "is" : "are"} ${state}; ` +
      `${countText(want)} should be (now: ${statuses || "none"}).`,
  );
}

/** `rollout:` passes when a Deployment reached a revision, finished rolling out, or was restarted. */
export function evaluateRollout(spec: z.infer<typeof rolloutCheckSchema>, sim: Sim, ns: string): CheckResult {
  const d = sim.get("deployments", ns, spec.deployment);
  if (!d) return fail(`There is no Deployment named ${spec.deployment} in namespace ${ns}.`);
  const name = spec.deployment;
  const revision = Number(d.metadata.annotations?.["deployment.kubernetes.io/revision"] ?? 0);
  if (spec.revision !== undefined && !countOk(revision, spec.revision))
    return fail(`${name} is at revision ${revision}; it should be at ${countText(spec.revision)}.`);
  if (spec.image !== undefined && !imagesOf(d.spec?.template?.spec).includes(spec.image))
    return fail(
      `${name}'s pod template uses ${imagesOf(d.spec?.template?.spec).join(", ")}, not ${spec.image}.`,
    );
  const restarted = Boolean(d.spec?.template?.metadata?.annotations?.["kubectl.kubernetes.io/restartedAt"]);
  if (spec.restarted !== undefined && restarted !== spec.restarted)
    return fail(spec.restarted ? `${name} has not been restarted yet.` : `${name} was restarted.`);
  if (spec.complete !== undefined) {
    const st = d.status ?? {};
    const want: number = d.spec?.replicas ?? 1;
    const done =
      (st.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) &&
      (st.updatedReplicas ?? 0) === want &&
      (st.replicas ?? 0) === want &&
      (st.availableReplicas ?? 0) === want;
    if (done !== spec.complete)
      return fail(
        spec.complete
          ? `The rollout of ${name} is still in progress: ${st.updatedReplicas ?? 0} of ${want} replicas updated, ${st.availableReplicas ?? 0} available.`
          : `The rollout of ${name} has already finished.`,
      );
  }
  return pass(`${name} is at revision ${revision}.`);
}

function hpaTarget(h: KObject, resource: "cpu" | "memory"): number | undefined {
  const metrics: { resource?: { name?: string; target?: { averageUtilization?: number } } }[] =
    h.spec?.metrics ?? [];
  return metrics.find((m) => m.resource?.name === resource)?.resource?.target?.averageUtilization;
}

function hpaProblems(h: KObject, spec: z.infer<typeof hpaCheckSchema>): string[] {
  const n = h.metadata.name;
  const out: string[] = [];
  const min: number = h.spec?.minReplicas ?? 1;
  const max: number = h.spec?.maxReplicas ?? 0;
  if (spec.minReplicas !== undefined && !countOk(min, spec.minReplicas))
    out.push(`${n} keeps at least ${min} replicas, not ${countText(spec.minReplicas)}`);
  if (spec.maxReplicas !== undefined && !countOk(max, spec.maxReplicas))
    out.push(`${n} allows up to ${max} replicas, not ${countText(spec.maxReplicas)}`);
  for (const r of ["cpu", "memory"] as const) {
    const want = spec[r];
    const have = hpaTarget(h, r);
    if (want !== undefined && have !== want)
      out.push(have === undefined ? `${n} has no ${r} target` : `${n} targets ${have}% ${r}, not ${want}%`);
  }
  const current: number = h.status?.currentReplicas ?? 0;
  if (spec.currentReplicas !== undefined && !countOk(current, spec.currentReplicas))
    out.push(`${n} currently runs ${current} replicas (should be ${countText(spec.currentReplicas)})`);
  return out;
}

/** `hpa:` passes when a HorizontalPodAutoscaler for the target has the asked bounds, targets and replicas. */
export function evaluateHpa(spec: z.infer<typeof hpaCheckSchema>, sim: Sim, ns: string): CheckResult {
  const found = sim
    .list("horizontalpodautoscalers", ns)
    .filter((h) => spec.name === undefined || h.metadata.name === spec.name)
    .filter((h) => spec.target === undefined || h.spec?.scaleTargetRef?.name === spec.target);
  if (found.length === 0)
    return fail(
      `There is no HorizontalPodAutoscaler${spec.target ? ` for ${spec.target}` : ""} in namespace ${ns} yet.`,
    );
  let first: string[] | undefined;
  for (const h of found) {
    const problems = hpaProblems(h, spec);
    if (problems.length === 0)
      return pass(`${h.metadata.name} scales ${h.spec?.scaleTargetRef?.name} as asked.`);
    first ??= problems;
  }
  return fail(`${(first ?? []).join("; ")}.`);
}
