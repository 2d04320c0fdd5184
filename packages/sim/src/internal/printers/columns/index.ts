// `kubectl get` tables: per-kind columns plus kubectl's decorations (NAMESPACE, -L, --show-labels, kind/).
import type { EventRecord } from "../../api/events.ts";
import { findResource, kindPrefix } from "../../api/resources.ts";
import type { KObject } from "../../api/types.ts";
import { formatLabels, since } from "../util.ts";
import {
  configMapTable,
  createdAtTable,
  leaseTable,
  namespaceTable,
  nodeTable,
  pdbTable,
  priorityClassTable,
  resourceQuotaTable,
  roleBindingTable,
  secretTable,
  serviceAccountTable,
} from "./cluster.ts";
import { EVENT_COLUMNS, eventCells, eventNamespace, sortEventsByKey } from "./events.ts";
import {
  endpointSliceTable,
  endpointsTable,
  ingressClassTable,
  ingressTable,
  networkPolicyTable,
  serviceTable,
} from "./network.ts";
import { podTable } from "./pod.ts";
import { pvcTable, pvTable, storageClassTable } from "./storage.ts";
import type { Column, KindTable } from "./types.ts";
import {
  controllerRevisionTable,
  cronJobTable,
  daemonSetTable,
  deploymentTable,
  hpaTable,
  jobTable,
  replicaSetTable,
  replicationControllerTable,
  statefulSetTable,
} from "./workloads.ts";

/** How `kubectl get` was asked to print. */
export interface TableOptions {
  /** Virtual clock, epoch milliseconds. */
  now: number;
  /** `-o wide`: include priority-1 columns. */
  wide: boolean;
  /** `--show-labels`: a LABELS column last. */
  showLabels: boolean;
  /** `-L key`: one column per key, headed by the key's last path segment upper-cased. */
  labelColumns: string[];
  /** `-A`: a NAMESPACE column first (ignored for cluster-scoped resources, as kubectl does). */
  withNamespace: boolean;
  /** NAME cells prefixed "pod/", "deployment.apps/" (`get all`, several types in one command). */
  withKind: boolean;
  /** `--no-headers`. */
  noHeaders: boolean;
}

/** The generic table kubectl prints for a kind it has no columns for. */
const genericTable: KindTable = {
  columns: [{ name: "Name" }, { name: "Age" }],
  row: (o, now) => [o.metadata.name, since(now, o.metadata.creationTimestamp)],
};

const TABLES: Record<string, KindTable> = {
  pods: podTable,
  replicasets: replicaSetTable,
  replicationcontrollers: replicationControllerTable,
  deployments: deploymentTable,
  daemonsets: daemonSetTable,
  statefulsets: statefulSetTable,
  controllerrevisions: controllerRevisionTable,
  jobs: jobTable,
  cronjobs: cronJobTable,
  horizontalpodautoscalers: hpaTable,
  services: serviceTable,
  endpoints: endpointsTable,
  endpointslices: endpointSliceTable,
  ingresses: ingressTable,
  ingressclasses: ingressClassTable,
  networkpolicies: networkPolicyTable,
  configmaps: configMapTable,
  secrets: secretTable,
  namespaces: namespaceTable,
  nodes: nodeTable,
  serviceaccounts: serviceAccountTable,
  resourcequotas: resourceQuotaTable,
  persistentvolumeclaims: pvcTable,
  persistentvolumes: pvTable,
  storageclasses: storageClassTable,
  poddisruptionbudgets: pdbTable,
  rolebindings: roleBindingTable,
  clusterrolebindings: roleBindingTable,
  priorityclasses: priorityClassTable,
  leases: leaseTable,
  // Served without a table printer: the API server's default NAME / CREATED AT table.
  limitranges: createdAtTable,
  roles: createdAtTable,
  clusterroles: createdAtTable,
};

/** A cell as printTable writes it: cut at the first line break, marked with "...". */
const LINE_BREAK = /[\f\n\r]/;

function cellText(s: string): string {
  const i = s.search(LINE_BREAK);
  return i < 0 ? s : `${s.slice(0, i)}...`;
}

/** formatLabelHeaders: the last "/" segment of each -L key, upper-cased. */
function labelHeaders(keys: string[]): string[] {
  return keys.map((k) => (k.split("/").pop() ?? k).toUpperCase());
}

interface Decorated {
  columns: Column[];
  nameIndex: number;
  rows: { cells: string[]; namespace: string; labels: Record<string, string> }[];
}

function decorate(t: Decorated, opts: TableOptions, kindPrefixText: string | undefined): string[][] {
  if (t.rows.length === 0) return [];
  const visible = t.columns.map((c, i) => ({ c, i })).filter(({ c }) => opts.wide || !c.wide);
  const out: string[][] = [];
  if (!opts.noHeaders) {
    const header = visible.map(({ c }) => c.name.toUpperCase());
    if (opts.withNamespace) header.unshift("NAMESPACE");
    header.push(...labelHeaders(opts.labelColumns));
    if (opts.showLabels) header.push("LABELS");
    out.push(header);
  }
  for (const r of t.rows) {
    const cells = visible.map(({ i }) => {
      const cell = r.cells[i] ?? "";
      return i === t.nameIndex && kindPrefixText !== undefined ? `${kindPrefixText}/${cell}` : cell;
    });
    if (opts.withNamespace) cells.unshift(r.namespace);
    for (const key of opts.labelColumns) cells.push(r.labels[key] ?? "");
    if (opts.showLabels) cells.push(formatLabels(r.labels));
    out.push(cells.map(cellText));
  }
  return out;
}

/**
 * The rows of `kubectl get <resource>` for these objects, in the order given: a header row (unless
 * `noHeaders`) and one row per object. Like kubectl, no header is produced when there are no
 * objects (kubectl then prints "No resources found" to stderr, which is the caller's job).
 */
export function tableFor(resource: string, objects: KObject[], opts: TableOptions): string[][] {
  const table = TABLES[resource] ?? genericTable;
  const info = findResource(resource);
  const rowFn = opts.wide && "wideRow" in table ? (table.wideRow as KindTable["row"]) : table.row;
  const kind = opts.withKind && info ? kindPrefix(info) : undefined;
  const clusterScoped = info !== undefined && !info.namespaced;
  return decorate(
    {
      columns: table.columns,
      nameIndex: 0,
      rows: objects.map((o) => ({
        cells: rowFn(o, opts.now),
        namespace: o.metadata.namespace ?? "",
        labels: o.metadata.labels ?? {},
      })),
    },
    { ...opts, withNamespace: opts.withNamespace && !clusterScoped },
    kind,
  );
}

/**
 * The rows of `kubectl get events`: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE (wide adds SUBOBJECT,
 * SOURCE, FIRST SEEN, COUNT, NAME). kubectl itself does not sort events (only `--sort-by` or the
 * newer `kubectl events` do); the API server returns them in key order, namespace then name,
 * and this function reproduces that order.
 */
export function eventTable(events: EventRecord[], opts: TableOptions): string[][] {
  const sorted = sortEventsByKey(events);
  return decorate(
    {
      columns: EVENT_COLUMNS,
      nameIndex: EVENT_COLUMNS.findIndex((c) => c.name === "Name"),
      rows: sorted.map((e) => ({ cells: eventCells(e, opts.now), namespace: eventNamespace(e), labels: {} })),
    },
    opts,
    opts.withKind ? "event" : undefined,
  );
}

export type { Column, KindTable } from "./types.ts";
