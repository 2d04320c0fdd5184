// kubectl apply -f: create what is new, merge what changed, leave what is unchanged.

import { applyDefaults, resolveKind, toObject, validateManifest } from "../../api/admission.ts";
import { ApiError } from "../../api/errors.ts";
import { createObject, updateObject } from "../../api/operations.ts";
import { kindPrefix } from "../../api/resources.ts";
import type { KObject, Manifest } from "../../api/types.ts";
import { canonicalJson } from "../../util/canonical.ts";
import { LAST_APPLIED, lastAppliedValue, threeWay } from "../apply-merge.ts";
import {
  apiErrorText,
  type Command,
  type CommandContext,
  CommandError,
  DRY_RUN_FLAG,
  FILENAME_FLAG,
  flagList,
  flagString,
  OUTPUT_FLAG,
} from "../command.ts";
import type { FlagSpec } from "../flags.ts";
import { parseManifests } from "../manifests.ts";

const FLAGS: FlagSpec[] = [
  FILENAME_FLAG,
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  { name: "recursive", short: "R", type: "bool", default: false },
  { name: "selector", short: "l", type: "string", default: "" },
  { name: "prune", type: "bool", default: false },
  { name: "force", type: "bool", default: false },
  { name: "server-side", type: "bool", default: false },
  { name: "force-conflicts", type: "bool", default: false },
  { name: "field-manager", type: "string", default: "kubectl-client-side-apply" },
  { name: "validate", type: "string", default: "strict", noOptDefVal: "strict" },
  { name: "overwrite", type: "bool", default: true },
  { name: "wait", type: "bool", default: false },
  { name: "record", type: "bool", default: false },
  { name: "kustomize", short: "k", type: "string", default: "" },
  { name: "grace-period", type: "int", default: -1 },
  { name: "timeout", type: "duration", default: 0 },
  { name: "cascade", type: "string", default: "background", noOptDefVal: "background" },
];

/** Reads the manifests named by -f (only `-`, standard input, exists in a chat). */
export function readManifests(ctx: CommandContext): Manifest[] {
  const files = flagList(ctx, "filename");
  if (files.length === 0) {
    throw new CommandError("error: must specify one of -f and -k");
  }
  const docs: Manifest[] = [];
  for (const f of files) {
    if (f !== "-") {
      throw new CommandError(
        `error: the path "${f}" does not exist (in Bosun, paste the manifest: kubectl apply -f - followed by the YAML)`,
      );
    }
    if (ctx.stdin === undefined || ctx.stdin.trim() === "") {
      throw new CommandError("error: no objects passed to apply");
    }
    docs.push(...parseManifests(ctx.stdin));
  }
  return docs;
}

/** The namespace a manifest lands in: its own, which must agree with an explicit -n. */
export function manifestNamespace(ctx: CommandContext, m: Manifest): string {
  const own =
    typeof m.metadata?.namespace === "string" && m.metadata.namespace !== ""
      ? m.metadata.namespace
      : undefined;
  if (own && ctx.explicitNamespace && own !== ctx.namespace) {
    throw new CommandError(
      `error: the namespace from the provided object "${own}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
    );
  }
  return own ?? ctx.namespace;
}

function applyOne(ctx: CommandContext, m: Manifest, note: { verb: string }): string {
  const { cluster } = ctx;
  const info = resolveKind(m);
  const ns = info.namespaced ? manifestNamespace(ctx, m) : undefined;
  const name = String(m.metadata?.name ?? "");
  validateManifest(info, m);
  const manifest = toObject(info, m, ns);
  const annotation = lastAppliedValue(manifest);
  const dryRun = flagString(ctx, "dry-run") !== "none";
  const suffix = dryRun ? ` (${flagString(ctx, "dry-run") === "server" ? "server dry run" : "dry run"})` : "";
  const live = cluster.store.get(info.resource, ns, name);
  note.verb = live ? "patching" : "creating";
  if (!live) {
    const obj = structuredClone(manifest);
    obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: annotation };
    if (!dryRun) createObject(cluster, info, obj);
    return `${kindPrefix(info)}/${name} created${suffix}`;
  }
  const originalText = live.metadata.annotations?.[LAST_APPLIED];
  let original: unknown = {};
  if (originalText) {
    try {
      original = JSON.parse(originalText);
    } catch {
      original = {};
    }
  } else {
    ctx.out.err(
      `Warning: resource ${info.resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
    );
  }
  // As kubectl does, the new configuration carries its own last-applied annotation into the merge.
  const modified = structuredClone(manifest);
  modified.metadata.annotations = { ...(modified.metadata.annotations ?? {}), [LAST_APPLIED]: annotation };
  const merged = threeWay(original, modified, structuredClone(live)) as KObject;
  const candidate = structuredClone(merged);
  applyDefaults(candidate);
  const same = (a: KObject, b: KObject) =>
    canonicalJson({
      m: { ...a.metadata, resourceVersion: "" },
      s: a.spec,
      d: a.data,
      x: a.stringData,
      t: a.type,
    }) ===
    canonicalJson({
      m: { ...b.metadata, resourceVersion: "" },
      s: b.spec,
      d: b.data,
      x: b.stringData,
      t: b.type,
    });
  if (same(candidate, live)) return `${kindPrefix(info)}/${name} unchanged${suffix}`;
  if (!dryRun) updateObject(cluster, info, merged, live);
  return `${kindPrefix(info)}/${name} configured${suffix}`;
}

function run(ctx: CommandContext): number {
  const sub = ctx.args.positionals[0];
  if (sub)
    throw new CommandError(
      `error: Unexpected args: [${ctx.args.positionals.join(" ")}]\nSee 'kubectl apply -h' for help and examples`,
    );
  const docs = readManifests(ctx);
  if (docs.length === 0) throw new CommandError("error: no objects passed to apply");
  let failed = false;
  for (const m of docs) {
    const note = { verb: "creating" };
    try {
      ctx.out.out(applyOne(ctx, m, note));
    } catch (e) {
      failed = true;
      if (e instanceof ApiError) {
        const verb = note.verb;
        ctx.out.err(
          e.code === "Invalid"
            ? apiErrorText(e)
            : e.code === "NoKind"
              ? `error: resource mapping not found for name: "${String(m.metadata?.name ?? "")}" namespace: "${String(m.metadata?.namespace ?? "")}" from "STDIN": ${e.message}\nensure CRDs are installed first`
              : apiErrorText(e, `error when ${verb} "STDIN"`),
        );
      } else if (e instanceof CommandError) {
        ctx.out.err(e.message);
      } else throw e;
    }
  }
  ctx.cluster.reconcile();
  return failed ? 1 : 0;
}

export const applyCommand: Command = {
  name: "apply",
  summary: "Apply a configuration to a resource by file name or stdin",
  flags: FLAGS,
  run,
};
