// `kubectl get events`: the Event table printer over the cluster's compact event records.
import type { EventRecord } from "../../api/events.ts";
import { humanDuration } from "../../util/time.ts";
import { byteCompare } from "../util.ts";
import type { Column } from "./types.ts";

/** Event table columns, in the server printer's order (wide ones interleaved). */
export const EVENT_COLUMNS: Column[] = [
  { name: "Last Seen" },
  { name: "Type" },
  { name: "Reason" },
  { name: "Object" },
  { name: "Subobject", wide: true },
  { name: "Source", wide: true },
  { name: "Message" },
  { name: "First Seen", wide: true },
  { name: "Count", wide: true },
  { name: "Name", wide: true },
];

/** The namespace an event object lives in: its object's, or "default" for cluster-scoped objects. */
export function eventNamespace(e: EventRecord): string {
  return e.involved.namespace || "default";
}

/** formatEventSource: "component, host" or just the component. */
export function eventSource(e: EventRecord): string {
  return e.host ? `${e.source}, ${e.host}` : e.source;
}

/** The API server lists events in storage-key order: namespace, then name. */
export function sortEventsByKey(events: EventRecord[]): EventRecord[] {
  return [...events].sort(
    (a, b) => byteCompare(eventNamespace(a), eventNamespace(b)) || byteCompare(a.name, b.name),
  );
}

/** One row of printEvent, all columns. */
export function eventCells(e: EventRecord, now: number): string[] {
  const kind = e.involved.kind.toLowerCase();
  const target = e.involved.name ? `${kind}/${e.involved.name}` : kind;
  return [
    humanDuration(now - e.last),
    e.type,
    e.reason,
    target,
    e.involved.fieldPath ?? "",
    eventSource(e),
    e.message.trim(),
    humanDuration(now - e.first),
    String(e.count > 0 ? e.count : 1),
    e.name,
  ];
}
