// kubectl get: tables, wide, yaml/json/name output, selectors, all namespaces and --watch.

import { eventObject } from "../../api/event-objects.ts";
import type { EventRecord } from "../../api/events.ts";
import { kindPrefix, qualifiedName, type ResourceInfo } from "../../api/resources.ts";
import type { KObject } from "../../api/types.ts";
import { eventTable, type TableOptions, tableFor } from "../../printers/columns/index.ts";
import { toJson, toYaml } from "../../printers/output.ts";
import { formatTable } from "../../printers/tabwriter.ts";
import {
  ALL_NS_FLAG,
  type Command,
  type CommandContext,
  CommandError,
  FILENAME_FLAG,
  flagBool,
  flagList,
  flagString,
  OUTPUT_FLAG,
  SELECTOR_FLAG,
} from "../command.ts";
import type { FlagSpec } from "../flags.ts";
import { parseResourceArgs, type ResourceRef } from "../resource-args.ts";
import { matches, matchesFields, parseFieldSelector, parseSelector } from "../selector.ts";

const FLAGS: FlagSpec[] = [
  OUTPUT_FLAG,
  SELECTOR_FLAG,
  ALL_NS_FLAG,
  FILENAME_FLAG,
  { name: "watch", short: "w", type: "bool", default: false },
  { name: "watch-only", type: "bool", default: false },
  { name: "show-labels", type: "bool", default: false },
  { name: "show-kind", type: "bool", default: false },
  { name: "label-columns", short: "L", type: "stringSlice", default: [] },
  { name: "field-selector", type: "string", default: "" },
  { name: "no-headers", type: "bool", default: false },
  { name: "sort-by", type: "string", default: "" },
  { name: "ignore-not-found", type: "bool", default: false },
  { name: "chunk-size", type: "int", default: 500 },
  { name: "recursive", short: "R", type: "bool", default: false },
  { name: "show-managed-fields", type: "bool", default: false },
  { name: "output-watch-events", type: "bool", default: false },
  { name: "server-print", type: "bool", default: true },
  { name: "allow-missing-template-keys", type: "bool", default: true },
  { name: "template", type: "string", default: "" },
  { name: "kustomize", short: "k", type: "string", default: "" },
  { name: "raw", type: "string", default: "" },
  { name: "subresource", type: "string", default: "" },
];

export interface Listed {
  info: ResourceInfo;
  objects: KObject[];
  events?: EventRecord[];
}

/** Objects for one resource reference: named ones (with NotFound errors) or a filtered list. */
export function collect(ctx: CommandContext, ref: ResourceRef, ns: string | undefined): Listed {
  const { cluster } = ctx;
  const labelSel = flagString(ctx, "selector");
  const fieldSel = flagString(ctx, "field-selector");
  const sel = labelSel ? parseSelectorOrThrow(labelSel) : undefined;
  const fsel = fieldSel ? parseFieldSelectorOrThrow(fieldSel, ref.info.kind) : undefined;
  const scopeNs = ref.info.namespaced ? ns : undefined;
  if (ref.info.resource === "events" && ref.info.group === "") {
    let events = cluster.state.events.filter(
      (e) => scopeNs === undefined || e.involved.namespace === scopeNs,
    );
    if (ref.names.length) events = events.filter((e) => ref.names.includes(e.name));
    if (fsel)
      events = events.filter((e) =>
        matchesFields(fsel, eventObject(e) as unknown as Record<string, unknown>),
      );
    return { info: ref.info, objects: events.map(eventObject), events };
  }
  if (ref.names.length === 0) {
    let objs = cluster.store.list(ref.info.resource, scopeNs);
    if (sel) objs = objs.filter((o) => matches(sel, o.metadata.labels));
    if (fsel) objs = objs.filter((o) => matchesFields(fsel, o as unknown as Record<string, unknown>));
    return { info: ref.info, objects: objs };
  }
  const objects: KObject[] = [];
  for (const name of ref.names) {
    const o = cluster.store.get(
      ref.info.resource,
      scopeNs ?? (ref.info.namespaced ? ctx.namespace : undefined),
      name,
    );
    if (o) objects.push(o);
    else if (!flagBool(ctx, "ignore-not-found"))
      ctx.out.err(`Error from server (NotFound): ${qualifiedName(ref.info)} "${name}" not found`);
  }
  return { info: ref.info, objects };
}

function parseSelectorOrThrow(text: string) {
  try {
    return parseSelector(text);
  } catch (e) {
    throw new CommandError(`error: ${(e as Error).message}`);
  }
}

function parseFieldSelectorOrThrow(text: string, kind: string) {
  try {
    return parseFieldSelector(text, kind);
  } catch (e) {
    throw new CommandError(`error: ${(e as Error).message}`);
  }
}

export function tableOptions(ctx: CommandContext, withKind: boolean): TableOptions {
  const output = flagString(ctx, "output");
  return {
    now: ctx.cluster.now,
    wide: output === "wide",
    showLabels: flagBool(ctx, "show-labels"),
    labelColumns: flagList(ctx, "label-columns"),
    withNamespace: flagBool(ctx, "all-namespaces"),
    withKind: withKind || flagBool(ctx, "show-kind"),
    noHeaders: flagBool(ctx, "no-headers"),
  };
}

export function renderTable(listed: Listed, opts: TableOptions): string {
  const rows = listed.events
    ? eventTable(listed.events, opts)
    : tableFor(listed.info.resource, listed.objects, opts);
  return formatTable(rows);
}

function noResources(_ctx: CommandContext, ns: string | undefined, anyNamespaced: boolean): string {
  if (ns === undefined || !anyNamespaced) return "No resources found";
  return `No resources found in ${ns} namespace.`;
}

export function checkOutputFormat(output: string): void {
  if (["", "wide", "yaml", "json", "name"].includes(output)) return;
  if (/^(jsonpath|custom-columns|go-template|template)/.test(output)) {
    throw new CommandError(
      `error: Bosun does not support -o ${output.split("=")[0]} yet; try -o yaml, -o json, -o wide or -o name`,
    );
  }
  throw new CommandError(
    `error: unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`,
  );
}

function printObjects(ctx: CommandContext, lists: Listed[], single: boolean): void {
  const output = flagString(ctx, "output");
  const all = lists.flatMap((l) => l.objects.map((o) => ({ info: l.info, o })));
  if (output === "name") {
    for (const { info, o } of all) ctx.out.out(`${kindPrefix(info)}/${o.metadata.name}`);
    return;
  }
  if (output === "yaml" || output === "json") {
    const fmt = output === "yaml" ? toYaml : toJson;
    if (single && all.length === 1 && all[0]) {
      ctx.out.out(fmt(all[0].o));
    } else if (all.length > 0 || !single) {
      ctx.out.out(
        fmt({
          apiVersion: "v1",
          items: all.map((x) => x.o),
          kind: "List",
          metadata: { resourceVersion: "" },
        } as unknown as KObject),
      );
    }
    return;
  }
  const shown = lists.filter((l) => l.objects.length > 0);
  const withKind = lists.length > 1;
  shown.forEach((l, i) => {
    const text = renderTable(l, tableOptions(ctx, withKind));
    ctx.out.out(i < shown.length - 1 ? `${text}\n\n` : text);
  });
}

/**
 * `--watch`: prints a row whenever an object's row changes while virtual time moves on, until
 * nothing has changed for 30 s (or 5 min have passed). Like kubectl, each watched row is laid
 * out on its own, so its columns need not line up with the header.
 */
function watch(ctx: CommandContext, refs: ResourceRef[], ns: string | undefined): void {
  const QUIET_MS = 30_000;
  const LIMIT_MS = 300_000;
  const silent = { ...ctx, out: { err() {}, out() {} } as never };
  const rowsOf = () => {
    const opts = { ...tableOptions(ctx, refs.length > 1), noHeaders: true, now: ctx.cluster.now };
    const map = new Map<string, string>();
    for (const ref of refs) {
      const l = collect(silent, ref, ns);
      for (const o of l.objects)
        map.set(
          `${l.info.resource}/${o.metadata.namespace}/${o.metadata.name}`,
          renderTable({ info: l.info, objects: [o] }, opts),
        );
    }
    return map;
  };
  const strip = (row: string) => row.replace(/\s+\S+$/, "");
  let last = rowsOf();
  const start = ctx.cluster.now;
  let quietSince = start;
  while (ctx.cluster.now - quietSince < QUIET_MS && ctx.cluster.now - start < LIMIT_MS) {
    ctx.cluster.advanceUntil(
      () => ctx.cluster.now - quietSince >= QUIET_MS,
      Math.min(quietSince + QUIET_MS, start + LIMIT_MS) - ctx.cluster.now,
      () => {
        const next = rowsOf();
        for (const [k, row] of next) {
          // A changed AGE alone is not an event; any other column changing is.
          const before = last.get(k);
          if (before === undefined || strip(before) !== strip(row)) {
            ctx.out.out(row);
            quietSince = ctx.cluster.now;
          }
        }
        last = next;
      },
    );
  }
}

function run(ctx: CommandContext): number {
  const output = flagString(ctx, "output");
  checkOutputFormat(output);
  const positionals = ctx.args.positionals;
  if (positionals.length === 0) {
    ctx.out.out(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
    throw new CommandError(
      "error: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples",
    );
  }
  const refs = parseResourceArgs(positionals);
  const viaAll = positionals[0]?.split(",").includes("all") ?? false;
  for (const ref of refs) {
    if (!ref.info.simulated && !viaAll)
      throw new CommandError(
        `error: ${qualifiedName(ref.info)} are not supported yet in Bosun's simulated cluster`,
      );
  }
  const ns = flagBool(ctx, "all-namespaces") ? undefined : ctx.namespace;
  const lists = refs.filter((r) => r.info.simulated).map((r) => collect(ctx, r, ns));
  const named = refs.some((r) => r.names.length > 0);
  const single = refs.length === 1 && (refs[0]?.names.length ?? 0) === 1 && !positionals[0]?.includes(",");
  const total = lists.reduce((n, l) => n + l.objects.length, 0);
  if (!flagBool(ctx, "watch-only")) {
    if (total === 0 && !named && output !== "yaml" && output !== "json") {
      ctx.out.err(
        noResources(
          ctx,
          ns,
          refs.some((r) => r.info.namespaced),
        ),
      );
    } else {
      printObjects(ctx, lists, single);
    }
  }
  if (flagBool(ctx, "watch") || flagBool(ctx, "watch-only")) watch(ctx, refs, ns);
  return ctx.out.stderr.includes("Error from server") ? 1 : 0;
}

export const getCommand: Command = {
  name: "get",
  summary: "Display one or many resources",
  flags: FLAGS,
  run,
};
