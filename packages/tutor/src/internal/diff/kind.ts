// The shape of a per-kind reader: which resource it lists, and how it reduces an object to the fields that matter.

import type { KObject, Sim } from "@bosun/sim";

/**
 * The fields of one object that a learner would notice changing, as display text. Keys are the
 * words shown in a diff ("replicas", "image"); `status` is shown without its key; `key:<name>`
 * marks a ConfigMap or Secret key; keys starting with `_` are never shown.
 */
export type Fields = Record<string, string>;

/** How to read one kind into a snapshot. */
export interface KindReader {
  /** Plural resource name, as `Sim.list` takes it. */
  resource: string;
  /** Lowercase singular kind, as diff lines name it: "deployment". */
  kind: string;
  /** The fields that matter; `undefined` leaves the object out (noise such as kube-root-ca.crt). */
  fields(o: KObject, sim: Sim): Fields | undefined;
  /** A short description of a new object, from its fields: "3 replicas, nginx:1.25". */
  summary(f: Fields): string;
  /** True for a field change that says nothing new (a counter that merely followed another field). */
  quiet?(key: string, before: Fields, after: Fields): boolean;
}

/** Fields that are either there (with their "on" word as value) or absent, and the word for turning off. */
export const FLAG_OFF: Readonly<Record<string, string>> = {
  paused: "resumed",
  suspended: "resumed",
};

/** The images of a pod spec's containers, joined: "nginx:1.25, busybox:1.36". */
export function imagesOf(podSpec: unknown): string {
  const containers = (podSpec as { containers?: { image?: unknown }[] } | undefined)?.containers;
  return Array.isArray(containers)
    ? containers.map((c) => (typeof c?.image === "string" ? c.image : "")).join(", ")
    : "";
}

/** Drops fields whose value is undefined, so optional fields are simply absent. */
export function compact(fields: Record<string, string | undefined>): Fields {
  const out: Fields = {};
  for (const k of Object.keys(fields)) {
    const v = fields[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}
