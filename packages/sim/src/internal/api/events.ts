// Events, kept compact: the cluster records them as small records and renders Event objects on demand.

export interface InvolvedObject {
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  apiVersion: string;
  /** For pod container events: `spec.containers{nginx}`. */
  fieldPath?: string;
}

/** One (deduplicated) event, as the event recorder aggregates repeats into `count`. */
export interface EventRecord {
  /** Event object name: `<involved name>.<16 hex digits>`. */
  name: string;
  type: "Normal" | "Warning";
  reason: string;
  message: string;
  /** `default-scheduler`, `kubelet`, `deployment-controller`, … */
  source: string;
  /** Node name for kubelet events. */
  host?: string;
  involved: InvolvedObject;
  first: number;
  last: number;
  count: number;
}

/** Events live for one hour of virtual time, as kube-apiserver's default `--event-ttl`. */
export const EVENT_TTL_MS = 60 * 60 * 1000;
/** At most this many events are kept per namespace (oldest dropped first) to keep sessions small. */
export const EVENTS_PER_NAMESPACE = 150;
