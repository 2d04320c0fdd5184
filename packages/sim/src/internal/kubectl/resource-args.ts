// kubectl's resource arguments: `pods`, `pod web`, `deploy/web svc/web`, `deploy,svc`, `all`.

import { findResource, RESOURCES, type ResourceInfo } from "../api/resources.ts";
import { CommandError } from "./command.ts";

export interface ResourceRef {
  info: ResourceInfo;
  /** Names asked for; empty means "all of this type". */
  names: string[];
}

/** The resources `all` stands for, in the order kubectl prints them. */
export const ALL_CATEGORY = [
  "pods",
  "replicationcontrollers",
  "services",
  "daemonsets",
  "deployments",
  "replicasets",
  "statefulsets",
  "horizontalpodautoscalers",
  "cronjobs",
  "jobs",
];

export function lookupType(name: string): ResourceInfo {
  const info = findResource(name);
  if (!info) throw new CommandError(`error: the server doesn't have a resource type "${name}"`);
  return info;
}

function expandTypes(list: string): ResourceInfo[] {
  const out: ResourceInfo[] = [];
  for (const t of list.split(",")) {
    if (t === "") continue;
    if (t === "all") {
      for (const r of ALL_CATEGORY) {
        const info = RESOURCES.find((x) => x.resource === r);
        if (info && !out.includes(info)) out.push(info);
      }
      continue;
    }
    const info = lookupType(t);
    if (!out.includes(info)) out.push(info);
  }
  return out;
}

/**
 * Parses positional arguments the way kubectl's resource builder does. Either every argument is
 * `type/name`, or the first names types (comma-separated) and the rest are names.
 */
export function parseResourceArgs(args: string[]): ResourceRef[] {
  if (args.length === 0) return [];
  const first = args[0] ?? "";
  if (first.includes("/")) {
    const refs: ResourceRef[] = [];
    for (const a of args) {
      const slash = a.indexOf("/");
      if (slash <= 0) {
        throw new CommandError(
          `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
        );
      }
      const info = lookupType(a.slice(0, slash));
      const name = a.slice(slash + 1);
      if (!name)
        throw new CommandError(`error: arguments in resource/name form must have a single resource and name`);
      const existing = refs.find((r) => r.info === info);
      if (existing) existing.names.push(name);
      else refs.push({ info, names: [name] });
    }
    return refs;
  }
  const names = args.slice(1);
  if (names.some((n) => n.includes("/"))) {
    throw new CommandError(
      `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
    );
  }
  const types = expandTypes(first);
  if (names.length > 0 && (first.includes(",") || first === "all")) {
    // kubectl allows names with several types, looking each name up in each type.
  }
  return types.map((info) => ({ info, names: [...names] }));
}
