// kubectl set env: add, change, remove or list environment variables of pod templates (set_env.go).

import type { KObject } from "../../api/types.ts";
import {
  type Command,
  type CommandContext,
  CommandError,
  flagBool,
  flagList,
  flagString,
} from "../command.ts";
import {
  checkOutput,
  commit,
  dryRunMode,
  noPodTemplate,
  podSpecOf,
  reportAll,
  resolveTargets,
  SET_FLAGS,
  selectContainers,
} from "./set-common.ts";
import { LOCAL_ERROR } from "./set-image.ts";

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: Record<string, Record<string, string>>;
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_NAME_MSG =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

/** envutil.SplitEnvironmentFromResources: resources first, then KEY=value or KEY- arguments. */
function splitEnv(args: string[]): { resources: string[]; envArgs: string[] } {
  const resources: string[] = [];
  const envArgs: string[] = [];
  for (const s of args) {
    const isEnv = /^.+=/s.test(s) || s.endsWith("-");
    if (isEnv) envArgs.push(s);
    else if (envArgs.length === 0) resources.push(s);
    else
      throw new CommandError(
        `error: all resources must be specified before environment changes: ${args.join(" ")}`,
      );
  }
  return { resources, envArgs };
}

/** envutil.ParseEnv: variables to set and names to remove. */
function parseEnv(specs: string[]): { env: EnvVar[]; remove: string[] } {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec === "-") throw new CommandError("error: Bosun cannot read environment variables from stdin (-)");
    const eq = spec.indexOf("=");
    if (eq >= 0) {
      const name = spec.slice(0, eq);
      if (!ENV_NAME.test(name))
        throw new CommandError(`error: "${name}" is not a valid key name: ${ENV_NAME_MSG}`);
      env.push({ name, value: spec.slice(eq + 1) });
    } else if (spec.endsWith("-")) remove.push(spec.slice(0, -1));
    else throw new CommandError(`error: unknown environment variable: ${spec}`);
  }
  if (remove.some((r) => env.some((e) => e.name === r)))
    throw new CommandError(
      "error: can not both modify and remove the same environment variable in the same command",
    );
  return { env, remove };
}

/** --from=configmap/NAME or secret/NAME: one variable per key (sorted), named after the key. */
function envFrom(ctx: CommandContext, from: string, keys: string[]): EnvVar[] {
  const [target] = resolveTargets(ctx, [from]);
  if (!target) return [];
  const kind = target.obj.kind;
  if (kind !== "ConfigMap" && kind !== "Secret")
    throw new CommandError("error: unsupported resource specified in --from");
  const ref = kind === "ConfigMap" ? "configMapKeyRef" : "secretKeyRef";
  const data = (target.obj.data as Record<string, string> | undefined) ?? {};
  return Object.keys(data)
    .sort()
    .filter((k) => keys.length === 0 || keys.includes(k))
    .map((k) => ({
      name: k.replace(/[^a-zA-Z0-9_]/g, "_").toUpperCase(),
      valueFrom: { [ref]: { key: k, name: target.obj.metadata.name } },
    }));
}

/** updateEnv: replaces variables in place, appends new ones, drops removed ones. */
function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const covered = new Set(remove);
  const out: EnvVar[] = [];
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((x) => x.name === e.name);
    if (newer) covered.add(e.name);
    out.push(newer ?? e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/** envutil.GetEnvVarRefString. */
function refString(from: EnvVar["valueFrom"]): string {
  if (from?.configMapKeyRef) return `configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}`;
  if (from?.secretKeyRef) return `secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}`;
  if (from?.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from?.resourceFieldRef) {
    const c = from.resourceFieldRef.containerName;
    return `resource field ${c ? `${c}/` : ""}${from.resourceFieldRef.resource}`;
  }
  return "invalid valueFrom";
}

function run(ctx: CommandContext): number {
  if (flagBool(ctx, "all") && flagString(ctx, "selector"))
    throw new CommandError("error: cannot set --all and --selector at the same time");
  const { resources, envArgs } = splitEnv(ctx.args.positionals);
  dryRunMode(ctx);
  if (flagBool(ctx, "local")) throw new CommandError(LOCAL_ERROR);
  if (resources.length < 1)
    throw new CommandError(
      "error: one or more resources must be specified as <resource> <name> or <resource>/<name>",
    );
  const list = flagBool(ctx, "list");
  if (list && flagString(ctx, "output"))
    throw new CommandError("error: --list and --output may not be specified together");
  checkOutput(ctx);
  const from = flagString(ctx, "from");
  const keys = flagList(ctx, "keys");
  if (keys.length > 0 && !from)
    throw new CommandError(
      "error: when specifying --keys, a configmap or secret must be provided with --from",
    );
  const parsed = parseEnv([...flagList(ctx, "env"), ...envArgs]);
  const env = [...parsed.env, ...(from ? envFrom(ctx, from, keys) : [])];
  const prefix = flagString(ctx, "prefix");
  for (const e of env) e.name = `${prefix}${e.name}`;
  const targets = resolveTargets(ctx, resources);
  const selector = flagString(ctx, "containers") || "*";
  const errors: string[] = [];
  for (const t of targets) {
    const next: KObject = structuredClone(t.obj);
    const spec = podSpecOf(next);
    if (!spec) {
      errors.push(noPodTemplate(t));
      continue;
    }
    const containers = selectContainers(spec, selector);
    if (containers.length === 0)
      ctx.out.err(
        `warning: ${t.obj.kind}/${t.obj.metadata.name} does not have any containers matching "${selector}"`,
      );
    for (const c of containers) {
      const updated = updateEnv((c.env as EnvVar[] | undefined) ?? [], env, parsed.remove);
      if (updated.length) c.env = updated;
      else delete c.env;
      if (!list) continue;
      ctx.out.out(`# ${t.obj.kind} ${t.obj.metadata.name}, container ${c.name}`);
      for (const e of updated)
        ctx.out.out(
          e.valueFrom ? `# ${e.name} from ${refString(e.valueFrom)}` : `${e.name}=${e.value ?? ""}`,
        );
    }
    if (list) continue;
    if (JSON.stringify(next) !== JSON.stringify(t.obj) && env.length === 0 && envArgs.length === 0)
      return reportAll(ctx, ["at least one environment variable must be provided"]);
    const failed = commit(ctx, t, next, "env updated", "failed to patch env update to pod template");
    if (failed) errors.push(failed);
  }
  ctx.cluster.reconcile();
  return reportAll(ctx, errors);
}

export const setEnvCommand: Command = {
  name: "env",
  summary: "Update environment variables on a pod template",
  flags: [
    ...SET_FLAGS,
    { name: "containers", short: "c", type: "string", default: "*" },
    { name: "from", type: "string", default: "" },
    { name: "prefix", type: "string", default: "" },
    { name: "env", short: "e", type: "stringArray", default: [] },
    { name: "keys", type: "stringSlice", default: [] },
    { name: "list", type: "bool", default: false },
    { name: "resolve", type: "bool", default: false },
    { name: "overwrite", type: "bool", default: true },
  ],
  run,
};
