// Creating a controller's pod through admission: a quota or LimitRange refusal becomes a FailedCreate event.

import { ApiError } from "../api/errors.ts";
import { SANDBOX_LIMITS } from "../api/operations.ts";
import type { Store } from "../api/store.ts";
import type { KObject } from "../api/types.ts";
import { createPodFromTemplate } from "./pod-factory.ts";

/**
 * Creates a pod from `template` for `owner`, or records `Warning FailedCreate "Error creating: …"`
 * on the owner (as every workload controller does) and returns undefined when admission refuses it.
 * `shape` adjusts the template (name, labels, hostname) before the pod is admitted.
 */
export function tryCreatePod(
  store: Store,
  owner: KObject,
  template: KObject["spec"],
  generateName: string,
  source: string,
  shape?: (template: KObject["spec"]) => KObject["spec"],
  exactName?: string,
): KObject | undefined {
  if (store.count("pods") >= SANDBOX_LIMITS.podsTotal) {
    const msg = `Error creating: this sandbox holds at most ${SANDBOX_LIMITS.podsTotal} pods; scale something down first`;
    store.event(owner, "Warning", "FailedCreate", msg, source);
    return undefined;
  }
  try {
    const t = shape ? shape(structuredClone(template)) : template;
    return createPodFromTemplate(store, owner, t, generateName, exactName);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const msg = e.code === "Invalid" && !e.message.startsWith("The ") ? `The ${e.message}` : e.message;
    store.event(owner, "Warning", "FailedCreate", `Error creating: ${msg}`, source);
    return undefined;
  }
}
