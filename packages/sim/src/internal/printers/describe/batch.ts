// kubectl describe for Job, CronJob and HorizontalPodAutoscaler.
import type { KObject } from "../../api/types.ts";
import { humanDuration } from "../../util/time.ts";
import { boolPtr } from "../columns/workloads.ts";
import { canonical } from "../quantity.ts";
import {
  asArr,
  asNum,
  asObj,
  asStr,
  controllerOf,
  isSet,
  type Obj,
  parseTime,
  rfc1123zOf,
  selectorString,
} from "../util.ts";
import {
  annotationsMultiline,
  type DescribeContext,
  describeEvents,
  eventsOf,
  labelsMultiline,
} from "./common.ts";
import { describePodTemplate } from "./volumes.ts";
import { PrefixWriter } from "./writer.ts";

/** `kubectl describe job`. */
export function describeJob(job: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = asObj(job.spec);
  const st = asObj(job.status);
  w.write(0, `Name:\t${job.metadata.name}\n`);
  w.write(0, `Namespace:\t${job.metadata.namespace ?? ""}\n`);
  w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
  labelsMultiline(w, "Labels", job.metadata.labels);
  annotationsMultiline(w, "Annotations", job.metadata.annotations);
  const controlledBy = controllerOf(job.metadata);
  if (controlledBy !== "") w.write(0, `Controlled By:\t${controlledBy}\n`);
  if (isSet(spec.parallelism)) w.write(0, `Parallelism:\t${asNum(spec.parallelism)}\n`);
  w.write(0, `Completions:\t${isSet(spec.completions) ? asNum(spec.completions) : "<unset>"}\n`);
  if (isSet(spec.completionMode)) w.write(0, `Completion Mode:\t${asStr(spec.completionMode)}\n`);
  if (isSet(spec.suspend)) w.write(0, `Suspend:\t${spec.suspend === true}\n`);
  if (isSet(spec.backoffLimit)) w.write(0, `Backoff Limit:\t${asNum(spec.backoffLimit)}\n`);
  if (isSet(spec.ttlSecondsAfterFinished))
    w.write(0, `TTL Seconds After Finished:\t${asNum(spec.ttlSecondsAfterFinished)}\n`);
  if (isSet(st.startTime)) w.write(0, `Start Time:\t${rfc1123zOf(st.startTime)}\n`);
  if (isSet(st.completionTime)) w.write(0, `Completed At:\t${rfc1123zOf(st.completionTime)}\n`);
  const start = parseTime(st.startTime);
  const end = parseTime(st.completionTime);
  if (start !== undefined && end !== undefined) w.write(0, `Duration:\t${humanDuration(end - start)}\n`);
  if (isSet(spec.activeDeadlineSeconds))
    w.write(0, `Active Deadline Seconds:\t${asNum(spec.activeDeadlineSeconds)}s\n`);
  const counts = `${asNum(st.succeeded)} Succeeded / ${asNum(st.failed)} Failed`;
  if (isSet(st.ready))
    w.write(0, `Pods Statuses:\t${asNum(st.active)} Active (${asNum(st.ready)} Ready) / ${counts}\n`);
  else w.write(0, `Pods Statuses:\t${asNum(st.active)} Active / ${counts}\n`);
  if (spec.completionMode === "Indexed") {
    const idx = asStr(st.completedIndexes);
    w.write(0, `Completed Indexes:\t${idx === "" ? "<none>" : idx}\n`);
  }
  describePodTemplate(spec.template, w);
  describeEvents(w, eventsOf(ctx, job), ctx.now);
  return w.toString();
}

/** `kubectl describe cronjob`. */
export function describeCronJob(cj: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = asObj(cj.spec);
  const unsetOr = (v: unknown, suffix = "") => (isSet(v) ? `${asNum(v)}${suffix}` : "<unset>");
  w.write(0, `Name:\t${cj.metadata.name}\n`);
  w.write(0, `Namespace:\t${cj.metadata.namespace ?? ""}\n`);
  labelsMultiline(w, "Labels", cj.metadata.labels);
  annotationsMultiline(w, "Annotations", cj.metadata.annotations);
  w.write(0, `Schedule:\t${asStr(spec.schedule)}\n`);
  w.write(0, `Concurrency Policy:\t${asStr(spec.concurrencyPolicy)}\n`);
  w.write(0, `Suspend:\t${boolPtr(spec.suspend)}\n`);
  w.write(0, `Successful Job History Limit:\t${unsetOr(spec.successfulJobsHistoryLimit)}\n`);
  w.write(0, `Failed Job History Limit:\t${unsetOr(spec.failedJobsHistoryLimit)}\n`);
  w.write(0, `Starting Deadline Seconds:\t${unsetOr(spec.startingDeadlineSeconds, "s")}\n`);
  const jobSpec = asObj(asObj(spec.jobTemplate).spec);
  w.write(0, `Selector:\t${isSet(jobSpec.selector) ? selectorString(jobSpec.selector) : "<unset>"}\n`);
  w.write(0, `Parallelism:\t${unsetOr(jobSpec.parallelism)}\n`);
  w.write(0, `Completions:\t${unsetOr(jobSpec.completions)}\n`);
  if (isSet(jobSpec.activeDeadlineSeconds))
    w.write(0, `Active Deadline Seconds:\t${asNum(jobSpec.activeDeadlineSeconds)}s\n`);
  describePodTemplate(jobSpec.template, w);
  const st = asObj(cj.status);
  w.write(
    0,
    `Last Schedule Time:\t${isSet(st.lastScheduleTime) ? rfc1123zOf(st.lastScheduleTime) : "<unset>"}\n`,
  );
  const active = asArr(st.active).map((j) => asStr(asObj(j).name));
  w.write(0, "Active Jobs:\t");
  w.line(active.length === 0 ? "<none>" : active.join(", "));
  describeEvents(w, eventsOf(ctx, cj), ctx.now);
  return w.toString();
}

/** One metric line of the HPA's "Metrics: ( current / target )" block. */
function hpaMetric(metric: Obj, status: Obj | undefined, w: PrefixWriter): void {
  const type = asStr(metric.type);
  const field = type === "ContainerResource" ? "containerResource" : type.toLowerCase();
  const m = asObj(metric[field]);
  const target = asObj(m.target);
  const cur = status && isSet(status[field]) ? asObj(asObj(status[field]).current) : undefined;
  const q = (v: unknown) => canonical(v ?? "0");
  if (type === "Resource" || type === "ContainerResource") {
    const what = type === "Resource" ? "" : ` of container "${asStr(m.container)}"`;
    w.write(1, `resource ${asStr(m.name)}${what} on pods`);
    if (isSet(target.averageValue)) {
      w.write(0, `:\t${cur ? q(cur.averageValue) : "<unknown>"} / ${q(target.averageValue)}\n`);
      return;
    }
    const current =
      cur && isSet(cur.averageUtilization)
        ? `${asNum(cur.averageUtilization)}% (${q(cur.averageValue)})`
        : "<unknown>";
    const goal = isSet(target.averageUtilization) ? `${asNum(target.averageUtilization)}%` : "<auto>";
    w.write(1, `(as a percentage of request):\t${current} / ${goal}\n`);
  } else if (type === "Pods") {
    const name = asStr(asObj(m.metric).name);
    w.write(
      1,
      `${JSON.stringify(name)} on pods:\t${cur ? q(cur.averageValue) : "<unknown>"} / ${q(target.averageValue)}\n`,
    );
  } else if (type === "Object") {
    const obj = asObj(m.describedObject);
    w.write(1, `"${asStr(asObj(m.metric).name)}" on ${asStr(obj.kind)}/${asStr(obj.name)} `);
    if (target.type === "AverageValue") {
      w.write(
        0,
        `(target average value):\t${cur ? q(cur.averageValue) : "<unknown>"} / ${q(target.averageValue)}\n`,
      );
    } else w.write(0, `(target value):\t${cur ? q(cur.value) : "<unknown>"} / ${q(target.value)}\n`);
  } else if (type === "External") {
    const name = JSON.stringify(asStr(asObj(m.metric).name));
    if (isSet(target.averageValue)) {
      const current = cur && isSet(cur.averageValue) ? q(cur.averageValue) : "<unknown>";
      w.write(1, `${name} (target average value):\t${current} / ${q(target.averageValue)}\n`);
    } else w.write(1, `${name} (target value):\t${cur ? q(cur.value) : "<unknown>"} / ${q(target.value)}\n`);
  } else w.write(1, `<unknown metric type ${JSON.stringify(type)}>\n`);
}

/** `kubectl describe hpa` (autoscaling/v2). */
export function describeHPA(hpa: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = asObj(hpa.spec);
  const st = asObj(hpa.status);
  const ref = asObj(spec.scaleTargetRef);
  w.write(0, `Name:\t${hpa.metadata.name}\n`);
  w.write(0, `Namespace:\t${hpa.metadata.namespace ?? ""}\n`);
  labelsMultiline(w, "Labels", hpa.metadata.labels);
  annotationsMultiline(w, "Annotations", hpa.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123zOf(hpa.metadata.creationTimestamp)}\n`);
  w.write(0, `Reference:\t${asStr(ref.kind)}/${asStr(ref.name)}\n`);
  w.write(0, "Metrics:\t( current / target )\n");
  const statuses = asArr(st.currentMetrics);
  asArr(spec.metrics).forEach((m, i) => {
    hpaMetric(asObj(m), statuses[i] === undefined ? undefined : asObj(statuses[i]), w);
  });
  w.write(0, `Min replicas:\t${isSet(spec.minReplicas) ? asNum(spec.minReplicas) : "<unset>"}\n`);
  w.write(0, `Max replicas:\t${asNum(spec.maxReplicas)}\n`);
  if (isSet(spec.behavior)) {
    w.write(0, "Behavior:\n");
    for (const [title, key] of [
      ["Scale Up", "scaleUp"],
      ["Scale Down", "scaleDown"],
    ] as const) {
      const rules = asObj(spec.behavior)[key];
      if (!isSet(rules)) continue;
      const r = asObj(rules);
      w.write(1, `${title}:\n`);
      if (isSet(r.stabilizationWindowSeconds))
        w.write(2, `Stabilization Window: ${asNum(r.stabilizationWindowSeconds)} seconds\n`);
      const policies = asArr(r.policies).map(asObj);
      if (policies.length > 0) {
        w.write(2, `Select Policy: ${asStr(r.selectPolicy, "Max")}\n`);
        w.write(2, "Policies:\n");
        for (const p of policies) {
          w.write(
            3,
            `- Type: ${asStr(p.type)}\tValue: ${asNum(p.value)}\tPeriod: ${asNum(p.periodSeconds)} seconds\n`,
          );
        }
      }
    }
  }
  w.write(
    0,
    `${asStr(ref.kind)} pods:\t${asNum(st.currentReplicas)} current / ${asNum(st.desiredReplicas)} desired\n`,
  );
  const conditions = asArr(st.conditions).map(asObj);
  if (conditions.length > 0) {
    w.write(0, "Conditions:\n");
    w.write(1, "Type\tStatus\tReason\tMessage\n");
    w.write(1, "----\t------\t------\t-------\n");
    for (const c of conditions) {
      w.write(1, `${asStr(c.type)}\t${asStr(c.status)}\t${asStr(c.reason)}\t${asStr(c.message)}\n`);
    }
  }
  describeEvents(w, eventsOf(ctx, hpa), ctx.now);
  return w.toString();
}
