// Renders compact event records as the Event objects `kubectl get events -o yaml` shows.

import { isoSeconds } from "../util/time.ts";
import type { EventRecord } from "./events.ts";
import type { KObject } from "./types.ts";

export function eventObject(e: EventRecord): KObject {
  return {
    apiVersion: "v1",
    kind: "Event",
    count: e.count,
    eventTime: null,
    firstTimestamp: isoSeconds(e.first),
    involvedObject: { ...e.involved },
    lastTimestamp: isoSeconds(e.last),
    message: e.message,
    metadata: {
      name: e.name,
      namespace: e.involved.namespace,
      uid: "",
      resourceVersion: "",
      creationTimestamp: isoSeconds(e.first),
    },
    reason: e.reason,
    reportingComponent: e.source,
    reportingInstance: e.host ?? "",
    source: { component: e.source, ...(e.host ? { host: e.host } : {}) },
    type: e.type,
  };
}
