// Workload tables: ReplicaSet, Deployment, DaemonSet, StatefulSet, Job, CronJob, RC, HPA.
import { humanDuration } from "../../util/time.ts";
import { canonical } from "../quantity.ts";
import {
  asArr,
  asNum,
  asObj,
  asStr,
  containerCells,
  formatLabelSelector,
  formatLabels,
  isSet,
  type Obj,
  parseTime,
  selectorString,
  since,
  strMap,
  templateSpec,
} from "../util.ts";
import type { Column, KindTable } from "./types.ts";

const WIDE_CONTAINERS: Column[] = [
  { name: "Containers", wide: true },
  { name: "Images", wide: true },
  { name: "Selector", wide: true },
];

const num = (v: unknown): string => String(asNum(v));

/** `kubectl get replicasets`. */
export const replicaSetTable: KindTable = {
  columns: [
    { name: "Name" },
    { name: "Desired" },
    { name: "Current" },
    { name: "Ready" },
    { name: "Age" },
    ...WIDE_CONTAINERS,
  ],
  row(o, now) {
    const [names, images] = containerCells(templateSpec(o.spec).containers);
    return [
      o.metadata.name,
      num(asObj(o.spec).replicas),
      num(asObj(o.status).replicas),
      num(asObj(o.status).readyReplicas),
      since(now, o.metadata.creationTimestamp),
      names,
      images,
      formatLabelSelector(asObj(o.spec).selector),
    ];
  },
};

/** `kubectl get replicationcontrollers`. */
export const replicationControllerTable: KindTable = {
  columns: replicaSetTable.columns,
  row(o, now) {
    const cells = replicaSetTable.row(o, now);
    cells[7] = formatLabels(strMap(asObj(o.spec).selector));
    return cells;
  },
};

/** `kubectl get deployments`. */
export const deploymentTable: KindTable = {
  columns: [
    { name: "Name" },
    { name: "Ready" },
    { name: "Up-to-date" },
    { name: "Available" },
    { name: "Age" },
    ...WIDE_CONTAINERS,
  ],
  row(o, now) {
    const spec = asObj(o.spec);
    const status = asObj(o.status);
    const [names, images] = containerCells(templateSpec(spec).containers);
    return [
      o.metadata.name,
      `${asNum(status.readyReplicas)}/${asNum(spec.replicas)}`,
      num(status.updatedReplicas),
      num(status.availableReplicas),
      since(now, o.metadata.creationTimestamp),
      names,
      images,
      selectorString(spec.selector),
    ];
  },
};

/** `kubectl get daemonsets`. */
export const daemonSetTable: KindTable = {
  columns: [
    { name: "Name" },
    { name: "Desired" },
    { name: "Current" },
    { name: "Ready" },
    { name: "Up-to-date" },
    { name: "Available" },
    { name: "Node Selector" },
    { name: "Age" },
    ...WIDE_CONTAINERS,
  ],
  row(o, now) {
    const s = asObj(o.status);
    const tpl = templateSpec(o.spec);
    const [names, images] = containerCells(tpl.containers);
    return [
      o.metadata.name,
      num(s.desiredNumberScheduled),
      num(s.currentNumberScheduled),
      num(s.numberReady),
      num(s.updatedNumberScheduled),
      num(s.numberAvailable),
      formatLabels(strMap(tpl.nodeSelector)),
      since(now, o.metadata.creationTimestamp),
      names,
      images,
      formatLabelSelector(asObj(o.spec).selector),
    ];
  },
};

/** `kubectl get statefulsets`. */
export const statefulSetTable: KindTable = {
  columns: [
    { name: "Name" },
    { name: "Ready" },
    { name: "Age" },
    { name: "Containers", wide: true },
    { name: "Images", wide: true },
  ],
  row(o, now) {
    const [names, images] = containerCells(templateSpec(o.spec).containers);
    const ready = `${asNum(asObj(o.status).readyReplicas)}/${asNum(asObj(o.spec).replicas)}`;
    return [o.metadata.name, ready, since(now, o.metadata.creationTimestamp), names, images];
  },
};

/** hasJobCondition: the first condition of that type decides. */
function jobCondition(status: Obj, type: string): boolean {
  const c = asArr(status.conditions)
    .map(asObj)
    .find((x) => x.type === type);
  return c?.status === "True";
}

/** `kubectl get jobs` (1.32 has the STATUS column). */
export const jobTable: KindTable = {
  columns: [
    { name: "Name" },
    { name: "Status" },
    { name: "Completions" },
    { name: "Duration" },
    { name: "Age" },
    ...WIDE_CONTAINERS,
  ],
  row(o, now) {
    const spec = asObj(o.spec);
    const st = asObj(o.status);
    let completions: string;
    if (isSet(spec.completions)) completions = `${asNum(st.succeeded)}/${asNum(spec.completions)}`;
    else {
      const parallelism = asNum(spec.parallelism);
      completions =
        parallelism > 1 ? `${asNum(st.succeeded)}/1 of ${parallelism}` : `${asNum(st.succeeded)}/1`;
    }
    const start = parseTime(st.startTime);
    const end = parseTime(st.completionTime);
    const duration = start === undefined ? "" : humanDuration((end ?? now) - start);
    let status = "Running";
    if (jobCondition(st, "Complete")) status = "Complete";
    else if (jobCondition(st, "Failed")) status = "Failed";
    else if (o.metadata.deletionTimestamp !== undefined) status = "Terminating";
    else if (jobCondition(st, "Suspended")) status = "Suspended";
    else if (jobCondition(st, "FailureTarget")) status = "FailureTarget";
    const [names, images] = containerCells(templateSpec(spec).containers);
    const age = since(now, o.metadata.creationTimestamp);
    return [
      o.metadata.name,
      status,
      completions,
      duration,
      age,
      names,
      images,
      formatLabelSelector(spec.selector),
    ];
  },
};

/** printBoolPtr: "True", "False" or "<unset>". */
export function boolPtr(v: unknown): string {
  if (typeof v !== "boolean") return "<unset>";
  return v ? "True" : "False";
}

/** `kubectl get cronjobs`. */
export const cronJobTable: KindTable = {
  columns: [
    { name: "Name" },
    { name: "Schedule" },
    { name: "Timezone" },
    { name: "Suspend" },
    { name: "Active" },
    { name: "Last Schedule" },
    { name: "Age" },
    ...WIDE_CONTAINERS,
  ],
  row(o, now) {
    const spec = asObj(o.spec);
    const st = asObj(o.status);
    const jobSpec = asObj(asObj(spec.jobTemplate).spec);
    const [names, images] = containerCells(templateSpec(jobSpec).containers);
    return [
      o.metadata.name,
      asStr(spec.schedule),
      isSet(spec.timeZone) ? asStr(spec.timeZone) : "<none>",
      boolPtr(spec.suspend),
      String(asArr(st.active).length),
      isSet(st.lastScheduleTime) ? since(now, st.lastScheduleTime) : "<none>",
      since(now, o.metadata.creationTimestamp),
      names,
      images,
      formatLabelSelector(jobSpec.selector),
    ];
  },
};

type MetricKind = "resource" | "containerResource" | "pods" | "object" | "external";
const METRIC_FIELD: Record<string, MetricKind> = {
  Resource: "resource",
  ContainerResource: "containerResource",
  Pods: "pods",
  Object: "object",
  External: "external",
};

/** formatHPAMetrics (1.30+): "cpu: 0%/50%", at most two shown then "+ N more...". */
export function formatHPAMetrics(specs: unknown[], statuses: unknown[]): string {
  if (specs.length === 0) return "<none>";
  const list = specs.map((raw, i) => {
    const spec = asObj(raw);
    const field = METRIC_FIELD[asStr(spec.type)];
    if (field === undefined) return "<unknown type>";
    const s = asObj(spec[field]);
    const target = asObj(s.target);
    const cur = asObj(asObj(asObj(statuses[i])[field]).current);
    const hasStatus = isSet(asObj(statuses[i])[field]);
    const named = field === "resource" || field === "containerResource" ? `${asStr(s.name)}: ` : "";
    if (field === "pods") {
      const current = hasStatus ? canonical(cur.averageValue) : "<unknown>";
      return `${current}/${canonical(target.averageValue)}`;
    }
    if (isSet(target.averageValue)) {
      const current =
        hasStatus && (named !== "" || isSet(cur.averageValue)) ? canonical(cur.averageValue) : "<unknown>";
      return `${named}${current}/${canonical(target.averageValue)}${named === "" ? " (avg)" : ""}`;
    }
    if (named === "") {
      const current = hasStatus ? canonical(cur.value) : "<unknown>";
      return `${current}/${canonical(target.value)}`;
    }
    const current =
      hasStatus && isSet(cur.averageUtilization) ? `${asNum(cur.averageUtilization)}%` : "<unknown>";
    const goal = isSet(target.averageUtilization) ? `${asNum(target.averageUtilization)}%` : "<auto>";
    return `${named}${current}/${goal}`;
  });
  const shown = list.slice(0, 2).join(", ");
  return list.length > 2 ? `${shown} + ${list.length - 2} more...` : shown;
}

/** `kubectl get hpa`. */
export const hpaTable: KindTable = {
  columns: [
    { name: "Name" },
    { name: "Reference" },
    { name: "Targets" },
    { name: "MinPods" },
    { name: "MaxPods" },
    { name: "Replicas" },
    { name: "Age" },
  ],
  row(o, now) {
    const spec = asObj(o.spec);
    const ref = asObj(spec.scaleTargetRef);
    return [
      o.metadata.name,
      `${asStr(ref.kind)}/${asStr(ref.name)}`,
      formatHPAMetrics(asArr(spec.metrics), asArr(asObj(o.status).currentMetrics)),
      isSet(spec.minReplicas) ? num(spec.minReplicas) : "<unset>",
      num(spec.maxReplicas),
      num(asObj(o.status).currentReplicas),
      since(now, o.metadata.creationTimestamp),
    ];
  },
};

/** `kubectl get controllerrevisions`: the owner as `<kind>.<group>/<name>`, and the revision number. */
export const controllerRevisionTable: KindTable = {
  columns: [{ name: "Name" }, { name: "Controller" }, { name: "Revision" }, { name: "Age" }],
  row(o, now) {
    const ref = o.metadata.ownerReferences?.find((r) => r.controller === true);
    let owner = "<none>";
    if (ref) {
      const group = ref.apiVersion.includes("/") ? ref.apiVersion.split("/")[0] : "";
      owner = `${ref.kind.toLowerCase()}${group ? `.${group}` : ""}/${ref.name}`;
    }
    return [o.metadata.name, owner, num(o.revision), since(now, o.metadata.creationTimestamp)];
  },
};
