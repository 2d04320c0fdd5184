// Snapshot readers for workloads: Deployments, ReplicaSets, pods, StatefulSets, DaemonSets, Jobs, CronJobs, HPAs.

import { compact, type Fields, imagesOf, type KindReader } from "./kind.ts";
import { podCells } from "./pod-status.ts";
import { asArr, asNum, asObj, asStr, plural } from "./read.ts";

const list = (...parts: (string | undefined | false)[]): string => parts.filter(Boolean).join(", ");

export const deploymentReader: KindReader = {
  resource: "deployments",
  kind: "deployment",
  fields(o) {
    const st = asObj(o.status);
    return compact({
      replicas: String(o.spec?.replicas ?? 1),
      ready: String(asNum(st.readyReplicas)),
      "up-to-date": String(asNum(st.updatedReplicas)),
      image: imagesOf(o.spec?.template?.spec),
      paused: o.spec?.paused === true ? "paused" : undefined,
      revision: o.metadata.annotations?.["deployment.kubernetes.io/revision"],
    });
  },
  summary: (f) => list(plural(Number(f.replicas), "replica"), f.image, f.paused),
  // Scaling moves up-to-date along with replicas; it is news only while a rollout is under way.
  quiet: (key, b, a) => key === "up-to-date" && b[key] === b.replicas && a[key] === a.replicas,
};

export const replicaSetReader: KindReader = {
  resource: "replicasets",
  kind: "replicaset",
  fields(o) {
    return {
      desired: String(o.spec?.replicas ?? 1),
      ready: String(asNum(asObj(o.status).readyReplicas)),
    };
  },
  summary: (f) => plural(Number(f.desired), "replica"),
};

export const podReader: KindReader = {
  resource: "pods",
  kind: "pod",
  fields(o) {
    const cells = podCells(o);
    return compact({
      status: cells.status,
      ready: cells.ready,
      restarts: String(cells.restarts),
      node: asStr(o.spec?.nodeName) || undefined,
    });
  },
  summary: (f) => (f.node ? `${f.status} on ${f.node}` : (f.status ?? "")),
};

export const statefulSetReader: KindReader = {
  resource: "statefulsets",
  kind: "statefulset",
  fields(o) {
    return {
      replicas: String(o.spec?.replicas ?? 1),
      ready: String(asNum(asObj(o.status).readyReplicas)),
      image: imagesOf(o.spec?.template?.spec),
    };
  },
  summary: (f) => list(plural(Number(f.replicas), "replica"), f.image),
};

export const daemonSetReader: KindReader = {
  resource: "daemonsets",
  kind: "daemonset",
  fields(o) {
    const st = asObj(o.status);
    return {
      ready: `${asNum(st.numberReady)}/${asNum(st.desiredNumberScheduled)}`,
      image: imagesOf(o.spec?.template?.spec),
    };
  },
  summary: (f) => list(f.image, f.ready && `${f.ready} ready`),
};

function jobCondition(status: unknown, type: string): boolean {
  return asArr(asObj(status).conditions).some((c) => asObj(c).type === type && asObj(c).status === "True");
}

export const jobReader: KindReader = {
  resource: "jobs",
  kind: "job",
  fields(o) {
    const st = o.status;
    let status = "Running";
    if (jobCondition(st, "Complete")) status = "Complete";
    else if (jobCondition(st, "Failed")) status = "Failed";
    else if (o.metadata.deletionTimestamp !== undefined) status = "Terminating";
    else if (jobCondition(st, "Suspended")) status = "Suspended";
    return {
      status,
      completions: `${asNum(asObj(st).succeeded)}/${asNum(o.spec?.completions) || 1}`,
    };
  },
  summary: (f) => list(f.status, `${f.completions} completions`),
};

export const cronJobReader: KindReader = {
  resource: "cronjobs",
  kind: "cronjob",
  fields(o) {
    return compact({
      schedule: asStr(o.spec?.schedule),
      suspended: o.spec?.suspend === true ? "suspended" : undefined,
      active: String(asArr(asObj(o.status).active).length),
    });
  },
  summary: (f) => list(`schedule ${f.schedule}`, f.suspended),
};

/** "cpu: 45%/50%" for each resource-utilisation metric (what kubectl's TARGETS column shows for them). */
function hpaTargets(spec: unknown, status: unknown): string {
  const current = asArr(asObj(status).currentMetrics).map(asObj);
  return asArr(asObj(spec).metrics)
    .map(asObj)
    .map((m) => {
      const r = asObj(m.resource);
      const name = asStr(r.name) || asStr(m.type);
      const goal = asObj(r.target).averageUtilization;
      const now = current.find((c) => asObj(c.resource).name === r.name);
      const value = asObj(asObj(now?.resource).current).averageUtilization;
      const cur = typeof value === "number" ? `${value}%` : "<unknown>";
      return `${name}: ${cur}/${typeof goal === "number" ? `${goal}%` : "?"}`;
    })
    .join(", ");
}

export const hpaReader: KindReader = {
  resource: "horizontalpodautoscalers",
  kind: "horizontalpodautoscaler",
  fields(o) {
    const spec = asObj(o.spec);
    const ref = asObj(spec.scaleTargetRef);
    return {
      target: `${asStr(ref.kind).toLowerCase()}/${asStr(ref.name)}`,
      targets: hpaTargets(spec, o.status) || "none",
      range: `${asNum(spec.minReplicas) || 1}-${asNum(spec.maxReplicas)}`,
      replicas: String(asNum(asObj(o.status).currentReplicas)),
    };
  },
  summary: (f: Fields) => list(f.target, f.targets, `${f.range} replicas`),
};
