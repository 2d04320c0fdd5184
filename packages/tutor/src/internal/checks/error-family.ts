// Recognises the kind of trouble a learner ran into, so the engine can pick a step's targeted hint.

import type { Sim } from "@bosun/sim";
import type { ErrorFamily } from "../content/schema.ts";
import { podStatus } from "./workloads.ts";

/** Output patterns, most specific first: a selector mismatch is also an "is invalid" error. */
const OUTPUT_FAMILIES: readonly [RegExp, ErrorFamily][] = [
  [/`selector` does not match template `labels`|selector does not match/i, "selector-mismatch"],
  [/unknown (shorthand )?flag/, "unknown-flag"],
  [/unknown command|command not found/, "unknown-command"],
  [/\(NotFound\)|\bnot found\b/, "NotFound"],
  [/\(AlreadyExists\)|already exists/, "AlreadyExists"],
  [/\bis invalid\b|\(Invalid\)|\(BadRequest\)|error validating|error parsing/i, "Invalid"],
];

/** The family of a failed command's output, or undefined when it failed some other way (or not at all). */
export function errorFamilyOfOutput(output: string, exitCode: number): ErrorFamily | undefined {
  if (exitCode === 0) return undefined;
  return OUTPUT_FAMILIES.find(([re]) => re.test(output))?.[1];
}

/**
 * Trouble visible in the cluster rather than in output: pods stuck pulling, crash-looping or
 * unschedulable in `namespace`. Sorted and de-duplicated so the engine can pick the first.
 */
export function clusterErrorFamilies(sim: Sim, namespace: string): ErrorFamily[] {
  const found = new Set<ErrorFamily>();
  for (const pod of sim.list("pods", namespace)) {
    const status = podStatus(pod);
    if (status === "ImagePullBackOff" || status === "ErrImagePull" || status === "InvalidImageName")
      found.add("ImagePullBackOff");
    else if (status === "CrashLoopBackOff") found.add("CrashLoopBackOff");
    else if (status === "Pending" && !pod.spec?.nodeName) found.add("Pending");
  }
  return [...found].sort();
}
