// kubectl run: a single pod from an image, with optional command, env, labels and port.

import type { KObject } from "../../api/types.ts";
import {
  type Command,
  type CommandContext,
  CommandError,
  DRY_RUN_FLAG,
  flagBool,
  flagInt,
  flagList,
  flagString,
  OUTPUT_FLAG,
  requireFlags,
} from "../command.ts";
import type { FlagSpec } from "../flags.ts";
import { finishCreate } from "./create.ts";

const FLAGS: FlagSpec[] = [
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  { name: "image", type: "string", default: "" },
  { name: "env", type: "stringArray", default: [] },
  { name: "labels", short: "l", type: "string", default: "" },
  { name: "port", type: "string", default: "" },
  { name: "restart", type: "string", default: "Always" },
  { name: "command", type: "bool", default: false },
  { name: "stdin", short: "i", type: "bool", default: false },
  { name: "tty", short: "t", type: "bool", default: false },
  { name: "rm", type: "bool", default: false },
  { name: "attach", type: "bool", default: false },
  { name: "quiet", short: "q", type: "bool", default: false },
  { name: "image-pull-policy", type: "string", default: "" },
  { name: "annotations", type: "stringArray", default: [] },
  { name: "overrides", type: "string", default: "" },
  { name: "privileged", type: "bool", default: false },
  { name: "expose", type: "bool", default: false },
  { name: "save-config", type: "bool", default: false },
  { name: "pod-running-timeout", type: "duration", default: 60_000 },
  { name: "leave-stdin-open", type: "bool", default: false },
  { name: "timeout", type: "duration", default: 0 },
  { name: "wait", type: "bool", default: false },
  { name: "grace-period", type: "int", default: -1 },
  { name: "cascade", type: "string", default: "background", noOptDefVal: "background" },
  { name: "filename", short: "f", type: "stringSlice", default: [] },
  { name: "force", type: "bool", default: false },
];

function pairs(list: string[], what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf("=");
    if (eq <= 0) throw new CommandError(`error: invalid ${what}: ${item}`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

function run(ctx: CommandContext): number {
  const [name, ...extra] = ctx.args.positionals;
  if (!name)
    throw new CommandError("error: NAME is required for run\nSee 'kubectl run -h' for help and examples");
  const image = flagString(ctx, "image");
  requireFlags(ctx, "image");
  const restart = flagString(ctx, "restart");
  if (!["Always", "OnFailure", "Never"].includes(restart))
    throw new CommandError(`error: invalid restart policy: ${restart}`);
  const argv = [...extra, ...(ctx.args.dashDash ?? [])];
  const labels = flagString(ctx, "labels")
    ? pairs(flagString(ctx, "labels").split(","), "label")
    : { run: name };
  const env = Object.entries(pairs(flagList(ctx, "env"), "env")).map(([k, v]) => ({ name: k, value: v }));
  const port = flagString(ctx, "port");
  const pullPolicy = flagString(ctx, "image-pull-policy");
  const container: Record<string, unknown> = {
    ...(argv.length && !flagBool(ctx, "command") ? { args: argv } : {}),
    ...(argv.length && flagBool(ctx, "command") ? { command: argv } : {}),
    ...(env.length ? { env } : {}),
    image,
    ...(pullPolicy ? { imagePullPolicy: pullPolicy } : {}),
    name,
    ...(port ? { ports: [{ containerPort: Number(port) }] } : {}),
    resources: {},
  };
  const annotations = pairs(flagList(ctx, "annotations"), "annotation");
  const pod: KObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      uid: "",
      resourceVersion: "",
      creationTimestamp: "",
      labels,
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    spec: { containers: [container], dnsPolicy: "ClusterFirst", restartPolicy: restart },
    status: {},
  };
  const code = finishCreate(ctx, pod, "pod");
  if (
    code === 0 &&
    (flagBool(ctx, "stdin") || flagBool(ctx, "tty") || flagBool(ctx, "attach")) &&
    flagString(ctx, "dry-run") === "none"
  ) {
    ctx.out.err(
      "Bosun cannot attach a terminal to a pod in chat; the pod runs in the background. Use kubectl logs to see its output.",
    );
  }
  void flagInt;
  return code;
}

export const runCommand: Command = {
  name: "run",
  summary: "Run a particular image on the cluster",
  flags: FLAGS,
  run,
};
