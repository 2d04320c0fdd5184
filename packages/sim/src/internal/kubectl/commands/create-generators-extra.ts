// More `kubectl create` generators: job (also --from=cronjob/x), cronjob, quota, ingress, serviceaccount.

import { ApiError } from "../../api/errors.ts";
import type { KObject } from "../../api/types.ts";
import { type Command, type CommandContext, CommandError, flagList, flagString } from "../command.ts";
import type { FlagSpec } from "../flags.ts";
import { finishCreate } from "./create.ts";
import { GENERATOR_FLAGS, generatedMeta } from "./create-common.ts";
import { ingressSpec } from "./create-ingress-rules.ts";

const COMMON: FlagSpec[] = [...GENERATOR_FLAGS];

const meta = generatedMeta;

function oneName(ctx: CommandContext): string {
  const [name, ...rest] = ctx.args.positionals;
  const got = ctx.args.positionals.length;
  if (!name || rest.length)
    throw new CommandError(
      `error: exactly one NAME is required, got ${got}\nSee '${ctx.path} -h' for help and examples`,
    );
  return name;
}

/** The Job `kubectl create job --from=cronjob/x` sends: the template, marked as started by hand. */
function jobFromCronJob(ctx: CommandContext, name: string, from: string): KObject {
  const [type = "", cjName = ""] = from.split("/");
  if (
    !["cronjob", "cronjobs", "cj", "cronjob.batch", "cronjobs.batch"].includes(type.toLowerCase()) ||
    !cjName
  )
    throw new CommandError(`error: from must be an existing cronjob: ${from}`);
  const cj = ctx.cluster.store.get("cronjobs", ctx.namespace, cjName);
  if (!cj) throw new ApiError("NotFound", `cronjobs.batch "${cjName}" not found`);
  const jt = structuredClone(cj.spec?.jobTemplate ?? {});
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: meta(name, {
      annotations: { "cronjob.kubernetes.io/instantiate": "manual", ...(jt.metadata?.annotations ?? {}) },
      ...(jt.metadata?.labels ? { labels: jt.metadata.labels } : {}),
      ownerReferences: [
        { apiVersion: "batch/v1", kind: "CronJob", name: cjName, uid: cj.metadata.uid, controller: true },
      ],
    }),
    spec: jt.spec ?? {},
    status: {},
  };
}

const job: Command = {
  name: "job",
  summary: "Create a job with the specified name",
  flags: [
    ...COMMON,
    { name: "image", type: "string", default: "" },
    { name: "from", type: "string", default: "" },
  ],
  run(ctx) {
    const name = oneName(ctx);
    const image = flagString(ctx, "image");
    const from = flagString(ctx, "from");
    const command = ctx.args.dashDash;
    if ((!image && !from) || (image && from))
      throw new CommandError("error: either --image or --from must be specified");
    if (command?.length && from) throw new CommandError("error: cannot specify --from and command");
    const obj: KObject = from
      ? jobFromCronJob(ctx, name, from)
      : {
          apiVersion: "batch/v1",
          kind: "Job",
          metadata: meta(name),
          spec: {
            template: {
              metadata: {},
              spec: {
                containers: [{ ...(command?.length ? { command } : {}), image, name, resources: {} }],
                restartPolicy: "Never",
              },
            },
          },
          status: {},
        };
    return finishCreate(ctx, obj, "job");
  },
};

const cronjob: Command = {
  name: "cronjob",
  aliases: ["cj"],
  summary: "Create a cron job with the specified name",
  flags: [
    ...COMMON,
    { name: "image", type: "string", default: "" },
    { name: "schedule", type: "string", default: "" },
    { name: "restart", type: "string", default: "" },
  ],
  run(ctx) {
    const name = oneName(ctx);
    const image = flagString(ctx, "image");
    const schedule = flagString(ctx, "schedule");
    if (!image) throw new CommandError("error: --image must be specified");
    if (!schedule) throw new CommandError("error: --schedule must be specified");
    const command = ctx.args.dashDash;
    const obj: KObject = {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: meta(name),
      spec: {
        jobTemplate: {
          metadata: { name },
          spec: {
            template: {
              metadata: {},
              spec: {
                containers: [{ ...(command?.length ? { command } : {}), image, name, resources: {} }],
                restartPolicy: flagString(ctx, "restart") || "OnFailure",
              },
            },
          },
        },
        schedule,
      },
      status: {},
    };
    return finishCreate(ctx, obj, "cronjob");
  },
};

const quota: Command = {
  name: "quota",
  aliases: ["resourcequota"],
  summary: "Create a quota with the specified name",
  flags: [
    ...COMMON,
    { name: "hard", type: "string", default: "" },
    { name: "scopes", type: "string", default: "" },
  ],
  run(ctx) {
    const name = oneName(ctx);
    const hard: Record<string, string> = {};
    for (const pair of flagString(ctx, "hard")
      .split(",")
      .filter((p) => p !== "")) {
      const eq = pair.indexOf("=");
      if (eq <= 0) throw new CommandError(`error: invalid argument for --hard: ${pair}`);
      hard[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
    const scopes = flagString(ctx, "scopes")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    const spec: Record<string, unknown> = {};
    if (Object.keys(hard).length) spec.hard = hard;
    if (scopes.length) spec.scopes = scopes;
    return finishCreate(
      ctx,
      { apiVersion: "v1", kind: "ResourceQuota", metadata: meta(name), spec, status: {} },
      "quota",
    );
  },
};

const ingress: Command = {
  name: "ingress",
  aliases: ["ing"],
  summary: "Create an ingress with the specified name",
  flags: [
    ...COMMON,
    { name: "rule", type: "stringArray", default: [] },
    { name: "class", type: "string", default: "" },
    { name: "default-backend", type: "string", default: "" },
    { name: "annotation", type: "stringArray", default: [] },
  ],
  run(ctx) {
    const name = oneName(ctx);
    const annotations: Record<string, string> = {};
    for (const a of flagList(ctx, "annotation")) {
      const eq = a.indexOf("=");
      if (eq <= 0)
        throw new CommandError(`error: annotation ${a} is invalid and should be in format key=[value]`);
      annotations[a.slice(0, eq)] = a.slice(eq + 1);
    }
    const spec = ingressSpec(
      flagList(ctx, "rule"),
      flagString(ctx, "class"),
      flagString(ctx, "default-backend"),
    );
    const obj: KObject = {
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: meta(name, Object.keys(annotations).length ? { annotations } : {}),
      spec,
      status: { loadBalancer: {} },
    };
    return finishCreate(ctx, obj, "ingress");
  },
};

const serviceaccount: Command = {
  name: "serviceaccount",
  aliases: ["sa"],
  summary: "Create a service account with the specified name",
  flags: COMMON,
  run(ctx) {
    const name = oneName(ctx);
    return finishCreate(
      ctx,
      { apiVersion: "v1", kind: "ServiceAccount", metadata: meta(name) },
      "serviceaccount",
    );
  },
};

export const extraGeneratorCommands: readonly Command[] = [cronjob, ingress, job, quota, serviceaccount];
