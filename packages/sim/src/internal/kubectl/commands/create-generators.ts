// The `kubectl create <kind>` generators, building the same objects real kubectl sends.

import type { KObject } from "../../api/types.ts";
import {
  type Command,
  type CommandContext,
  CommandError,
  flagInt,
  flagList,
  flagString,
  requireFlags,
} from "../command.ts";
import type { FlagSpec } from "../flags.ts";
import { finishCreate } from "./create.ts";
import { GENERATOR_FLAGS, generatedMeta } from "./create-common.ts";
import { extraGeneratorCommands } from "./create-generators-extra.ts";

const COMMON: FlagSpec[] = [...GENERATOR_FLAGS];

const meta = generatedMeta;

/** kubectl's "NAME is required" usage error for generators. */
function oneName(ctx: CommandContext, usage: string): string {
  const [name, ...rest] = ctx.args.positionals;
  if (!name)
    throw new CommandError(
      `error: exactly one NAME is required, got 0\nSee '${ctx.path} -h' for help and examples`,
    );
  if (rest.length)
    throw new CommandError(
      `error: exactly one NAME is required, got ${rest.length + 1}\nSee '${ctx.path} -h' for help and examples`,
    );
  void usage;
  return name;
}

/** Container name from an image: last path segment without tag or digest, `_` → `-`. */
export function containerNameFromImage(image: string): string {
  let name = image.split("/").at(-1) ?? image;
  name = name.split(":")[0] ?? name;
  name = name.split("@")[0] ?? name;
  return name.replace(/_/g, "-");
}

const deployment: Command = {
  name: "deployment",
  aliases: ["deploy"],
  summary: "Create a deployment with the specified name",
  flags: [
    ...COMMON,
    { name: "image", type: "stringSlice", default: [] },
    { name: "replicas", short: "r", type: "int", default: 1 },
    { name: "port", type: "int", default: -1 },
  ],
  run(ctx) {
    const name = oneName(ctx, "deployment");
    requireFlags(ctx, "image");
    const images = flagList(ctx, "image");
    const replicas = flagInt(ctx, "replicas") ?? 1;
    const port = flagInt(ctx, "port") ?? -1;
    const command = ctx.args.dashDash;
    if (command?.length && images.length > 1)
      throw new CommandError("error: cannot specify multiple --image options and command");
    const used = new Set<string>();
    const containers = images.map((image) => {
      let cname = containerNameFromImage(image);
      for (let i = 1; used.has(cname); i++) cname = `${containerNameFromImage(image)}-${i}`;
      used.add(cname);
      return {
        ...(command?.length ? { command } : {}),
        image,
        name: cname,
        ...(port >= 0 ? { ports: [{ containerPort: port }] } : {}),
        resources: {},
      };
    });
    const labels = { app: name };
    const obj: KObject = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: meta(name, { labels }),
      spec: {
        replicas,
        selector: { matchLabels: { ...labels } },
        strategy: {},
        template: { metadata: { labels: { ...labels } }, spec: { containers } },
      },
      status: {},
    };
    return finishCreate(ctx, obj, "deployment");
  },
};

const namespace: Command = {
  name: "namespace",
  aliases: ["ns"],
  summary: "Create a namespace with the specified name",
  flags: COMMON,
  run(ctx) {
    const name = oneName(ctx, "namespace");
    return finishCreate(
      ctx,
      { apiVersion: "v1", kind: "Namespace", metadata: meta(name), spec: {}, status: {} },
      "namespace",
    );
  },
};

/** `--from-literal=key=value` pairs, validated as kubectl does. */
function literals(ctx: CommandContext): [string, string][] {
  return flagList(ctx, "from-literal").map((lit) => {
    const eq = lit.indexOf("=");
    if (eq <= 0) throw new CommandError(`error: invalid literal source ${lit}, expected key=value`);
    return [lit.slice(0, eq), lit.slice(eq + 1)];
  });
}

function noFiles(ctx: CommandContext): void {
  for (const f of ["from-file", "from-env-file"]) {
    if (flagList(ctx, f).length)
      throw new CommandError(
        `error: --${f} needs files, which a chat sandbox does not have; use --from-literal=key=value instead`,
      );
  }
}

const SOURCE_FLAGS: FlagSpec[] = [
  { name: "from-literal", type: "stringArray", default: [] },
  { name: "from-file", type: "stringSlice", default: [] },
  { name: "from-env-file", type: "stringSlice", default: [] },
  { name: "append-hash", type: "bool", default: false },
];

const configmap: Command = {
  name: "configmap",
  aliases: ["cm"],
  summary: "Create a config map from a local file, directory or literal value",
  flags: [...COMMON, ...SOURCE_FLAGS],
  run(ctx) {
    const name = oneName(ctx, "configmap");
    noFiles(ctx);
    const data: Record<string, string> = {};
    for (const [k, v] of literals(ctx)) {
      if (k in data)
        throw new CommandError(
          `error: cannot add key ${k}, another key by that name already exists in Data for ConfigMap "${name}"`,
        );
      data[k] = v;
    }
    return finishCreate(
      ctx,
      {
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: meta(name),
        ...(Object.keys(data).length ? { data } : {}),
      },
      "configmap",
    );
  },
};

const secretGeneric: Command = {
  name: "generic",
  summary: "Create a secret from a local file, directory, or literal value",
  flags: [...COMMON, ...SOURCE_FLAGS, { name: "type", type: "string", default: "" }],
  run(ctx) {
    const name = oneName(ctx, "secret");
    noFiles(ctx);
    const data: Record<string, string> = {};
    for (const [k, v] of literals(ctx)) {
      if (k in data)
        throw new CommandError(
          `error: cannot add key ${k}, another key by that name already exists in Data for Secret "${name}"`,
        );
      data[k] = Buffer.from(v, "utf8").toString("base64");
    }
    const type = flagString(ctx, "type");
    return finishCreate(
      ctx,
      {
        apiVersion: "v1",
        kind: "Secret",
        metadata: meta(name),
        ...(Object.keys(data).length ? { data } : {}),
        ...(type ? { type } : {}),
      },
      "secret",
    );
  },
};

const secret: Command = {
  name: "secret",
  summary: "Create a secret using a specified subcommand",
  subcommands: [secretGeneric],
};

/** `--tcp=80:8080` → ports named "80-8080", as kubectl create service does. */
function servicePorts(ctx: CommandContext, nodePort: number | undefined) {
  const specs = flagList(ctx, "tcp");
  return specs.map((spec) => {
    const [p, t] = spec.split(":");
    const port = Number(p);
    if (!/^\d+$/.test(p ?? "") || port < 1 || port > 65535)
      throw new CommandError(`error: invalid port: ${spec}`);
    const target = t === undefined ? port : /^\d+$/.test(t) ? Number(t) : t;
    return {
      name: `${port}-${target}`,
      port,
      protocol: "TCP",
      targetPort: target,
      ...(nodePort ? { nodePort } : {}),
    };
  });
}

function serviceGenerator(type: "ClusterIP" | "NodePort" | "LoadBalancer" | "ExternalName"): Command {
  const sub = type.toLowerCase();
  const flags: FlagSpec[] = [...COMMON, { name: "tcp", type: "stringSlice", default: [] }];
  if (type === "ClusterIP") flags.push({ name: "clusterip", type: "string", default: "" });
  if (type === "NodePort") flags.push({ name: "node-port", type: "int", default: 0 });
  if (type === "ExternalName") flags.push({ name: "external-name", type: "string", default: "" });
  return {
    name: sub,
    summary: `Create a ${type} service`,
    flags,
    run(ctx) {
      const name = oneName(ctx, "service");
      const nodePort = type === "NodePort" ? flagInt(ctx, "node-port") || undefined : undefined;
      const ports = servicePorts(ctx, nodePort);
      const clusterIP = type === "ClusterIP" ? flagString(ctx, "clusterip") : "";
      if (type !== "ExternalName" && ports.length === 0 && clusterIP !== "None") {
        throw new CommandError("error: at least one tcp port specifier must be provided");
      }
      const externalName = type === "ExternalName" ? flagString(ctx, "external-name") : "";
      if (type === "ExternalName" && !externalName)
        throw new CommandError("error: external name must be specified");
      const spec: Record<string, unknown> = {
        ...(ports.length ? { ports } : {}),
        ...(type === "ExternalName" ? { externalName } : { selector: { app: name } }),
        ...(clusterIP ? { clusterIP } : {}),
        type,
      };
      const obj: KObject = {
        apiVersion: "v1",
        kind: "Service",
        metadata: meta(name, { labels: { app: name } }),
        spec,
        status: { loadBalancer: {} },
      };
      return finishCreate(ctx, obj, "service");
    },
  };
}

const service: Command = {
  name: "service",
  aliases: ["svc"],
  summary: "Create a service using a specified subcommand",
  subcommands: [
    serviceGenerator("ClusterIP"),
    serviceGenerator("NodePort"),
    serviceGenerator("LoadBalancer"),
    serviceGenerator("ExternalName"),
  ],
};

export const generatorCommands: readonly Command[] = [
  configmap,
  deployment,
  namespace,
  secret,
  service,
  ...extraGeneratorCommands,
];
