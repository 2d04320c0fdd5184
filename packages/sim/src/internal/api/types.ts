// The API object model: objects are stored as the API server would return them.

/** Any JSON value an object may carry. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  generation?: number;
  creationTimestamp: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  generateName?: string;
}

/**
 * A stored object. `spec`, `status` and the rest stay loosely typed here; each kind's module reads
 * them through its own narrow view (see `kinds.ts`).
 */
export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  // biome-ignore lint/suspicious/noExplicitAny: manifests are arbitrary JSON validated by schema.ts
  spec?: any;
  // biome-ignore lint/suspicious/noExplicitAny: status shapes differ per kind
  status?: any;
  [key: string]: unknown;
}

/** What a user sends: a manifest before the API server has filled in metadata. */
export interface Manifest {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: Partial<ObjectMeta> & Record<string, unknown>;
  [key: string]: unknown;
}
