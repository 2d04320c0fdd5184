// kubectl set image: change container images in pods and pod templates (set_image.go).

import type { KObject } from "../../api/types.ts";
import { type Command, type CommandContext, CommandError, flagBool, flagString } from "../command.ts";
import {
  type Container,
  checkOutput,
  commit,
  dryRunMode,
  noPodTemplate,
  podSpecOf,
  reportAll,
  resolveTargets,
  SET_FLAGS,
} from "./set-common.ts";

export const NO_RESOURCES =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** resource.LocalResourceError: --local works on files only. */
export const LOCAL_ERROR =
  "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'";

/** cmdutil.GetResourcesAndPairs: resources first, then `a=b` (or `a-`) pairs. */
export function splitPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes("=") && !s.startsWith("=")) || (s.endsWith("-") && s !== "-");
    if (isPair) pairs.push(s);
    else if (pairs.length === 0) resources.push(s);
    else throw new CommandError(`error: all resources must be specified before ${pairType} changes: ${s}`);
  }
  return { resources, pairs };
}

/** cmdutil.ParsePairs without removal: `container=image`, in the order given (the last one wins). */
function parseImages(pairs: string[]): Map<string, string> {
  const images = new Map<string, string>();
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes("=") && !p.startsWith("=")) {
      const i = p.indexOf("=");
      images.set(p.slice(0, i), p.slice(i + 1));
    } else invalid.push(p);
  }
  if (invalid.length) throw new CommandError(`error: invalid image format: ${invalid.join(", ")}`);
  return images;
}

function setImage(containers: Container[] | undefined, name: string, image: string): boolean {
  let found = false;
  for (const c of containers ?? []) {
    if (c.name === name || name === "*") {
      c.image = image;
      found = true;
    }
  }
  return found;
}

function run(ctx: CommandContext): number {
  const { resources, pairs } = splitPairs(ctx.args.positionals, "image");
  const images = parseImages(pairs);
  checkOutput(ctx);
  dryRunMode(ctx);
  if (flagBool(ctx, "local")) throw new CommandError(LOCAL_ERROR);
  if (resources.length === 0) throw new CommandError(NO_RESOURCES);
  const targets = resolveTargets(ctx, resources);
  const problems: string[] = [];
  if (flagBool(ctx, "all") && flagString(ctx, "selector"))
    problems.push("cannot set --all and --selector at the same time");
  if (images.size < 1) problems.push("at least one image update is required");
  else if (images.size > 1 && images.has("*"))
    problems.push(
      "all containers are already specified by *, but saw more than one container_name=container_image pairs",
    );
  if (problems.length) return reportAll(ctx, problems);
  const errors: string[] = [];
  for (const t of targets) {
    const next: KObject = structuredClone(t.obj);
    const spec = podSpecOf(next);
    if (!spec) {
      errors.push(noPodTemplate(t));
      continue;
    }
    for (const [name, image] of images) {
      const init = setImage(spec.initContainers as Container[] | undefined, name, image);
      const main = setImage(spec.containers as Container[] | undefined, name, image);
      if (!init && !main) errors.push(`error: unable to find container named "${name}"`);
    }
    const failed = commit(ctx, t, next, "image updated", "failed to patch image update to pod template");
    if (failed) errors.push(failed);
  }
  ctx.cluster.reconcile();
  return reportAll(ctx, errors);
}

export const setImageCommand: Command = {
  name: "image",
  summary: "Update the image of a pod template",
  flags: SET_FLAGS,
  run,
};
