// kubectl create: from manifests (-f) and the generators (deployment, namespace, configmap, secret, service).

import { resolveKind, toObject, validateManifest } from "../../api/admission.ts";
import { ApiError } from "../../api/errors.ts";
import { createObject } from "../../api/operations.ts";
import { kindPrefix, resourceForKind } from "../../api/resources.ts";
import type { KObject, Manifest } from "../../api/types.ts";
import { toJson, toYaml } from "../../printers/output.ts";
import { LAST_APPLIED, lastAppliedValue } from "../apply-merge.ts";
import {
  apiErrorText,
  type Command,
  type CommandContext,
  CommandError,
  DRY_RUN_FLAG,
  FILENAME_FLAG,
  flagBool,
  flagInt,
  flagList,
  flagString,
  OUTPUT_FLAG,
} from "../command.ts";
import type { FlagSpec } from "../flags.ts";
import { manifestNamespace, readManifests } from "./apply.ts";
import { generatorCommands } from "./create-generators.ts";

const FILE_FLAGS: FlagSpec[] = [
  FILENAME_FLAG,
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  { name: "save-config", type: "bool", default: false },
  { name: "validate", type: "string", default: "strict", noOptDefVal: "strict" },
  { name: "edit", type: "bool", default: false },
  { name: "recursive", short: "R", type: "bool", default: false },
  { name: "selector", short: "l", type: "string", default: "" },
  { name: "raw", type: "string", default: "" },
  { name: "windows-line-endings", type: "bool", default: false },
  { name: "kustomize", short: "k", type: "string", default: "" },
];

/**
 * Stores (or, with --dry-run, only prints) an object a generator built, and prints kubectl's
 * `<kind>/<name> created` line or the object itself for -o yaml|json.
 */
export function finishCreate(ctx: CommandContext, obj: KObject, what: string): number {
  const info = resourceForKind(obj.kind);
  if (!info) throw new CommandError(`error: unknown kind ${obj.kind}`);
  const dryRun = flagString(ctx, "dry-run");
  const output = flagString(ctx, "output");
  if (info.namespaced) obj.metadata.namespace = obj.metadata.namespace ?? ctx.namespace;
  // Generators build objects as kubectl sends them: no server-set metadata.
  const meta = obj.metadata as unknown as Record<string, unknown>;
  for (const k of ["uid", "resourceVersion", "creationTimestamp"]) if (meta[k] === "") delete meta[k];
  if (flagBool(ctx, "save-config"))
    obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedValue(obj) };
  if (dryRun === "none") {
    try {
      validateManifest(info, obj as unknown as Manifest);
      createObject(ctx.cluster, info, obj);
    } catch (e) {
      if (e instanceof ApiError && e.code !== "Invalid")
        throw new CommandError(`error: failed to create ${what}: ${e.message}`);
      throw e;
    }
    ctx.cluster.reconcile();
  }
  if (output === "yaml" || output === "json") {
    ctx.out.out((output === "yaml" ? toYaml : toJson)(obj));
    return 0;
  }
  if (output === "name") {
    ctx.out.out(`${kindPrefix(info)}/${obj.metadata.name}`);
    return 0;
  }
  const suffix = dryRun === "none" ? "" : dryRun === "server" ? " (server dry run)" : " (dry run)";
  ctx.out.out(`${kindPrefix(info)}/${obj.metadata.name} created${suffix}`);
  return 0;
}

function createFromFiles(ctx: CommandContext): number {
  if (flagList(ctx, "filename").length === 0) {
    throw new CommandError(
      'error: must specify one of -f and -k\n\nerror: unknown command "' +
        (ctx.args.positionals[0] ?? "") +
        "\"\nSee 'kubectl create -h' for help and examples",
    );
  }
  const docs: Manifest[] = readManifests(ctx);
  let failed = false;
  for (const m of docs) {
    try {
      const info = resolveKind(m);
      const ns = info.namespaced ? manifestNamespace(ctx, m) : undefined;
      validateManifest(info, m);
      const obj = toObject(info, m, ns);
      if (flagBool(ctx, "save-config"))
        obj.metadata.annotations = {
          ...(obj.metadata.annotations ?? {}),
          [LAST_APPLIED]: lastAppliedValue(obj),
        };
      const dryRun = flagString(ctx, "dry-run") !== "none";
      if (!dryRun) createObject(ctx.cluster, info, obj);
      ctx.out.out(`${kindPrefix(info)}/${obj.metadata.name} created${dryRun ? " (dry run)" : ""}`);
    } catch (e) {
      failed = true;
      if (e instanceof ApiError) {
        ctx.out.err(
          e.code === "Invalid"
            ? apiErrorText(e)
            : e.code === "NoKind"
              ? `error: resource mapping not found for name: "${String(m.metadata?.name ?? "")}" namespace: "${String(m.metadata?.namespace ?? "")}" from "STDIN": ${e.message}\nensure CRDs are installed first`
              : apiErrorText(e, 'error when creating "STDIN"'),
        );
      } else if (e instanceof CommandError) ctx.out.err(e.message);
      else throw e;
    }
  }
  ctx.cluster.reconcile();
  return failed ? 1 : 0;
}

export const createCommand: Command = {
  name: "create",
  summary: "Create a resource from a file or from stdin",
  flags: FILE_FLAGS,
  subcommands: generatorCommands,
  run: createFromFiles,
};

export { flagInt };
