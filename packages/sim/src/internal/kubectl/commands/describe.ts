// kubectl describe: one or more objects in detail, with their events; names match by prefix.

import { qualifiedName } from "../../api/resources.ts";
import type { KObject } from "../../api/types.ts";
import { describeObject } from "../../printers/describe/index.ts";
import type { Command, CommandContext } from "../command.ts";
import { ALL_NS_FLAG, CommandError, FILENAME_FLAG, flagBool, flagString, SELECTOR_FLAG } from "../command.ts";
import type { FlagSpec } from "../flags.ts";
import { parseResourceArgs } from "../resource-args.ts";
import { matches, parseSelector } from "../selector.ts";

const FLAGS: FlagSpec[] = [
  SELECTOR_FLAG,
  ALL_NS_FLAG,
  FILENAME_FLAG,
  { name: "show-events", type: "bool", default: true },
  { name: "chunk-size", type: "int", default: 500 },
  { name: "recursive", short: "R", type: "bool", default: false },
];

function run(ctx: CommandContext): number {
  const { cluster } = ctx;
  if (ctx.args.positionals.length === 0) {
    throw new CommandError(
      'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  }
  const refs = parseResourceArgs(ctx.args.positionals);
  const ns = flagBool(ctx, "all-namespaces") ? undefined : ctx.namespace;
  const sel = flagString(ctx, "selector");
  const selector = sel ? parseSelector(sel) : undefined;
  const texts: string[] = [];
  let failed = false;
  const describeCtx = {
    now: cluster.now,
    events: (uid: string) => (flagBool(ctx, "show-events") ? cluster.store.eventsFor(uid) : []),
    list: (resource: string, namespace?: string) => cluster.store.list(resource, namespace),
    get: (resource: string, namespace: string | undefined, name: string) =>
      cluster.store.get(resource, namespace, name),
  };
  for (const ref of refs) {
    if (!ref.info.simulated)
      throw new CommandError(
        `error: ${qualifiedName(ref.info)} are not supported yet in Bosun's simulated cluster`,
      );
    const scope = ref.info.namespaced ? ns : undefined;
    let objs: KObject[] = [];
    if (ref.names.length === 0) {
      objs = cluster.store.list(ref.info.resource, scope);
      if (selector) objs = objs.filter((o) => matches(selector, o.metadata.labels));
    } else {
      for (const name of ref.names) {
        const exact = cluster.store.get(
          ref.info.resource,
          ref.info.namespaced ? ctx.namespace : undefined,
          name,
        );
        if (exact) {
          objs.push(exact);
          continue;
        }
        // describe falls back to every object whose name starts with what was typed.
        const prefixed = cluster.store
          .list(ref.info.resource, ref.info.namespaced ? ctx.namespace : undefined)
          .filter((o) => o.metadata.name.startsWith(name));
        if (prefixed.length) objs.push(...prefixed);
        else {
          ctx.out.err(`Error from server (NotFound): ${qualifiedName(ref.info)} "${name}" not found`);
          failed = true;
        }
      }
    }
    for (const o of objs) texts.push(describeObject(ref.info.resource, o, describeCtx));
  }
  if (texts.length === 0 && !failed) {
    ctx.out.err(
      ns && refs.some((r) => r.info.namespaced)
        ? `No resources found in ${ns} namespace.`
        : "No resources found",
    );
    return 0;
  }
  if (texts.length) ctx.out.out(texts.map((t) => t.replace(/\n$/, "")).join("\n\n\n"));
  return failed ? 1 : 0;
}

export const describeCommand: Command = {
  name: "describe",
  summary: "Show details of a specific resource or group of resources",
  flags: FLAGS,
  run,
};
