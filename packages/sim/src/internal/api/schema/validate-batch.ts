// batch/v1 validation: Job (with its generated selector and labels) and CronJob (schedule, time zone, template).

import { cronError } from "./cron.ts";
import { type FieldError, invalid, notSupported, required } from "./errors.ts";
import { isDNS1123Label, nameIsDNSSubdomain } from "./names.ts";
import {
  labelSelectorRepr,
  nonNegative,
  num,
  type R,
  rec,
  smap,
  str,
  validateObjectMeta,
} from "./validate-meta.ts";
import { validatePodTemplateSpec } from "./validate-pod.ts";

const PLACEHOLDER_UID = "00000000-0000-0000-0000-000000000000";

/** validateJobSpec: counts, completion mode, the pod template and its restart policy. */
function validateJobSpec(specValue: unknown, path: string): FieldError[] {
  const spec = rec(specValue) ?? {};
  const out: FieldError[] = [];
  for (const k of [
    "parallelism",
    "completions",
    "activeDeadlineSeconds",
    "backoffLimit",
    "ttlSecondsAfterFinished",
  ]) {
    out.push(...nonNegative(num(spec[k]), `${path}.${k}`));
  }
  const perIndex = num(spec.backoffLimitPerIndex);
  const maxFailed = num(spec.maxFailedIndexes);
  out.push(...nonNegative(perIndex, `${path}.backoffLimitPerIndex`));
  if (maxFailed !== undefined) {
    out.push(...nonNegative(maxFailed, `${path}.maxFailedIndexes`));
    if (perIndex === undefined)
      out.push(required(`${path}.backoffLimitPerIndex`, "when maxFailedIndexes is specified"));
  }
  const mode = spec.completionMode;
  if (typeof mode === "string") {
    if (mode !== "NonIndexed" && mode !== "Indexed") {
      out.push(notSupported(`${path}.completionMode`, mode, ["NonIndexed", "Indexed"]));
    }
    if (mode === "Indexed" && num(spec.completions) === undefined) {
      out.push(required(`${path}.completions`, "when completion mode is Indexed"));
    }
  }
  if (mode !== "Indexed") {
    if (perIndex !== undefined)
      out.push(invalid(`${path}.backoffLimitPerIndex`, perIndex, "requires indexed completion mode"));
    if (maxFailed !== undefined)
      out.push(invalid(`${path}.maxFailedIndexes`, maxFailed, "requires indexed completion mode"));
  }
  const prp = spec.podReplacementPolicy;
  if (typeof prp === "string" && prp !== "Failed" && prp !== "TerminatingOrFailed") {
    out.push(notSupported(`${path}.podReplacementPolicy`, prp, ["Failed", "TerminatingOrFailed"]));
  }
  out.push(...validatePodTemplateSpec(spec.template, `${path}.template`));
  const rp = str(rec(rec(spec.template)?.spec)?.restartPolicy) || "Always";
  const rpPath = `${path}.template.spec.restartPolicy`;
  if (rp === "Always") out.push(required(rpPath, 'valid values: "OnFailure", "Never"'));
  else if (rp !== "OnFailure" && rp !== "Never") out.push(notSupported(rpPath, rp, ["OnFailure", "Never"]));
  else if (rec(spec.podFailurePolicy) && rp !== "Never") {
    out.push(invalid(rpPath, rp, 'only "Never" is supported when podFailurePolicy is specified'));
  }
  return out;
}

/** The Job as validation sees it: the strategy has added the job-name and controller-uid labels to the template. */
function withGeneratedLabels(m: R): R {
  const spec = rec(m.spec) ?? {};
  if (spec.manualSelector === true) return m;
  const template = rec(spec.template) ?? {};
  const meta = rec(template.metadata) ?? {};
  const name = str(rec(m.metadata)?.name) || str(rec(m.metadata)?.generateName);
  const labels = {
    "batch.kubernetes.io/controller-uid": PLACEHOLDER_UID,
    "batch.kubernetes.io/job-name": name,
    "controller-uid": PLACEHOLDER_UID,
    "job-name": name,
    ...smap(meta.labels),
  };
  return { ...m, spec: { ...spec, template: { ...template, metadata: { ...meta, labels } } } };
}

export function validateJob(original: R): FieldError[] {
  const m = withGeneratedLabels(original);
  const spec = rec(m.spec) ?? {};
  const out = validateObjectMeta(m.metadata, nameIsDNSSubdomain);
  const userSelector = rec(rec(original.spec)?.selector);
  if (spec.manualSelector !== true && userSelector) {
    out.push(invalid("spec.selector", labelSelectorRepr(userSelector), "`selector` not auto-generated"));
  }
  out.push(...validateJobSpec(spec, "spec"));
  if (spec.manualSelector === true && !userSelector) out.push(required("spec.selector"));
  const completions = num(spec.completions);
  if (spec.completionMode === "Indexed" && completions !== undefined && completions > 0) {
    const name = str(rec(m.metadata)?.name);
    const host = `${name}-${completions - 1}`;
    if (isDNS1123Label(host).length > 0) {
      out.push(invalid("metadata.name", name, `will not able to create pod with invalid DNS label: ${host}`));
    }
  }
  return out;
}

export function validateCronJob(m: R): FieldError[] {
  const out = validateObjectMeta(m.metadata, nameIsDNSSubdomain);
  const spec = rec(m.spec) ?? {};
  const schedule = str(spec.schedule);
  if (schedule === "") out.push(required("spec.schedule"));
  else {
    const err = cronError(schedule);
    if (err) out.push(invalid("spec.schedule", schedule, err));
    if (schedule.includes("TZ")) {
      out.push(
        invalid(
          "spec.schedule",
          schedule,
          "cannot use TZ or CRON_TZ in schedule, use timeZone field instead",
        ),
      );
    }
  }
  out.push(...nonNegative(num(spec.startingDeadlineSeconds), "spec.startingDeadlineSeconds"));
  const tz = spec.timeZone;
  if (typeof tz === "string") {
    if (tz === "") out.push(invalid("spec.timeZone", "", "timeZone must be nil or non-empty string"));
    else if (
      tz
        .split("/")
        .some((p) => p === "." || p === ".." || p.startsWith("-") || !/^[A-Za-z.\-_0-9+]{1,14}$/.test(p))
    ) {
      out.push(invalid("spec.timeZone", tz, `unknown time zone ${tz}`));
    } else if (tz.toLowerCase() === "local") {
      out.push(
        invalid(
          "spec.timeZone",
          tz,
          "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones",
        ),
      );
    }
  }
  const cp = str(spec.concurrencyPolicy) || "Allow";
  if (!["Allow", "Forbid", "Replace"].includes(cp))
    out.push(notSupported("spec.concurrencyPolicy", cp, ["Allow", "Forbid", "Replace"]));
  const jt = rec(spec.jobTemplate);
  out.push(...validateJobSpec(jt?.spec, "spec.jobTemplate.spec"));
  const jtSpec = rec(jt?.spec);
  if (rec(jtSpec?.selector)) {
    out.push(
      invalid(
        "spec.jobTemplate.spec.selector",
        labelSelectorRepr(jtSpec?.selector),
        "`selector` will be auto-generated",
      ),
    );
  }
  if (jtSpec?.manualSelector === true)
    out.push(notSupported("spec.jobTemplate.spec.manualSelector", true, ["nil", "false"]));
  out.push(...nonNegative(num(spec.successfulJobsHistoryLimit), "spec.successfulJobsHistoryLimit"));
  out.push(...nonNegative(num(spec.failedJobsHistoryLimit), "spec.failedJobsHistoryLimit"));
  const name = str(rec(m.metadata)?.name);
  if (name.length > 52) out.push(invalid("metadata.name", name, "must be no more than 52 characters"));
  return out;
}
