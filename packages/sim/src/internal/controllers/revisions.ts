// ControllerRevisions for DaemonSets and StatefulSets: the template's hash and the history objects.

import { resourceForKind } from "../api/resources.ts";
import type { Store } from "../api/store.ts";
import type { KObject } from "../api/types.ts";
import { canonicalJson } from "../util/canonical.ts";
import { fnv32a, safeEncode } from "../util/rng.ts";
import { controllerRef, ownerRefTo } from "./context.ts";

const CR_INFO = resourceForKind("ControllerRevision");

/**
 * The revision hash of a pod template: FNV-32a of its canonical JSON, in the safe alphabet
 * (HashControllerRevision). Ten characters such as `7bf8c77b5b`.
 */
export function templateHash(template: unknown): string {
  return safeEncode(String(fnv32a(canonicalJson(template ?? {}))));
}

/** The owner's revisions, oldest first. */
export function revisionsOf(store: Store, owner: KObject): KObject[] {
  return store
    .list("controllerrevisions", owner.metadata.namespace)
    .filter((r) => controllerRef(r)?.uid === owner.metadata.uid)
    .sort((a, b) => Number(a.revision ?? 0) - Number(b.revision ?? 0));
}

/**
 * Makes sure the owner's current template has a revision (a new one, or an old one brought back
 * with the next number, as a rollback does) and prunes history beyond revisionHistoryLimit.
 * Returns the revision name (`<owner>-<hash>`) and number.
 */
export function ensureRevision(
  store: Store,
  owner: KObject,
  labels: Record<string, string>,
  hashLabel: string,
  keep: (r: KObject) => boolean,
): { name: string; hash: string; revision: number } {
  const template = owner.spec?.template ?? {};
  const hash = templateHash(template);
  const name = `${owner.metadata.name}-${hash}`;
  const revs = revisionsOf(store, owner);
  const top = revs.reduce((m, r) => Math.max(m, Number(r.revision ?? 0)), 0);
  const existing = revs.find((r) => r.metadata.name === name);
  if (existing) {
    if (Number(existing.revision) !== top) {
      existing.revision = top + 1;
      store.touch(existing);
    }
    return { name, hash, revision: Number(existing.revision) };
  }
  if (!CR_INFO) throw new Error("controllerrevision resource missing");
  const cr: KObject = {
    apiVersion: "apps/v1",
    kind: "ControllerRevision",
    metadata: {
      name,
      namespace: owner.metadata.namespace ?? "default",
      uid: "",
      resourceVersion: "",
      creationTimestamp: "",
      labels: { ...labels, [hashLabel]: hash },
      ownerReferences: [ownerRefTo(owner)],
    },
    data: { spec: { template: { $patch: "replace", ...structuredClone(template) } } },
    revision: top + 1,
  };
  store.create(CR_INFO, cr);
  const limit = (owner.spec?.revisionHistoryLimit as number | undefined) ?? 10;
  const old = revisionsOf(store, owner).filter((r) => r.metadata.name !== name && !keep(r));
  for (const r of old.slice(0, Math.max(0, old.length - limit))) store.remove("controllerrevisions", r);
  return { name, hash, revision: top + 1 };
}
