// Creating a controller's pod through admission: a quota or LimitRange refusal becomes a FailedCreate event.

import { ApiError } from "../api/errors.ts";
import { SANDBOX_LIMITS } from "../api/operations.ts";
import type { Store } from "../api/store.ts";
import type { KObject } from "../api/types.ts";
import { VersionTally } from "./context.ts";
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

/**
 * What pod admission decides on besides the pod itself, for one namespace: its ResourceQuotas (their
 * status follows the usage they count, so a pod going away moves it too), its LimitRanges, and
 * whether the sandbox's pod cap is reached. Example: `2:1043||full`.
 */
export function admissionInputs(store: Store, namespace: string): string {
  let key = "";
  for (const resource of ["resourcequotas", "limitranges"]) {
    const tally = new VersionTally();
    for (const o of store.each(resource)) if (o.metadata.namespace === namespace) tally.add(o);
    key += `${tally.key()}|`;
  }
  return key + (store.count("pods") >= SANDBOX_LIMITS.podsTotal ? "full" : "");
}

/**
 * Whether `owner` may try to create again: not when admission refused it at these very inputs
 * (`key`, which includes `admissionInputs`). The refusal is kept in the state, so a cluster kept
 * running and one restored from its saved form retry at the same moment: when the inputs change
 * (the quota is raised, other pods go, the owner or its pods change).
 */
export function mayCreate(store: Store, owner: KObject, key: string): boolean {
  return store.state.refused?.[owner.metadata.uid] !== key;
}

/** Records that admission refused a create of `owner` at `key` (see mayCreate). */
export function noteRefused(store: Store, owner: KObject, key: string): void {
  store.state.refused ??= {};
  store.state.refused[owner.metadata.uid] = key;
}

/** Forgets a refusal once the owner has what it wanted (or wants no more pods). */
export function clearRefused(store: Store, owner: KObject): void {
  const refused = store.state.refused;
  if (!refused || !(owner.metadata.uid in refused)) return;
  delete refused[owner.metadata.uid];
  if (Object.keys(refused).length === 0) delete store.state.refused;
}
