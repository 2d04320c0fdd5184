// kubectl expose: a Service for a deployment, replica set, pod or service, using its selector and ports.

import { getOrThrow } from "../../api/operations.ts";
import { resourceForKind } from "../../api/resources.ts";
import type { KObject } from "../../api/types.ts";
import {
  type Command,
  type CommandContext,
  CommandError,
  DRY_RUN_FLAG,
  FILENAME_FLAG,
  flagString,
  OUTPUT_FLAG,
} from "../command.ts";
import type { FlagSpec } from "../flags.ts";
import { parseResourceArgs } from "../resource-args.ts";
import { finishCreate } from "./create.ts";

const FLAGS: FlagSpec[] = [
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  FILENAME_FLAG,
  { name: "port", type: "string", default: "" },
  { name: "target-port", type: "string", default: "" },
  { name: "protocol", type: "string", default: "" },
  { name: "type", type: "string", default: "" },
  { name: "name", type: "string", default: "" },
  { name: "selector", type: "string", default: "" },
  { name: "labels", short: "l", type: "string", default: "" },
  { name: "external-ip", type: "string", default: "" },
  { name: "load-balancer-ip", type: "string", default: "" },
  { name: "session-affinity", type: "string", default: "" },
  { name: "cluster-ip", type: "string", default: "" },
  { name: "override-type", type: "string", default: "merge" },
  { name: "save-config", type: "bool", default: false },
  { name: "overrides", type: "string", default: "" },
  { name: "record", type: "bool", default: false },
];

type Port = {
  name?: string;
  containerPort?: number;
  port?: number;
  protocol?: string;
  targetPort?: number | string;
};

function parseMap(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(",")) {
    const [k, v] = pair.split("=");
    if (!k || v === undefined) throw new CommandError(`error: invalid label spec: ${pair}`);
    out[k] = v;
  }
  return out;
}

/** The selector and ports kubectl's polymorphic helpers read from the exposed object. */
function introspect(obj: KObject): {
  selector: Record<string, string> | undefined;
  ports: Port[];
  labels: Record<string, string>;
} {
  if (obj.kind === "Pod") {
    return {
      selector: obj.metadata.labels,
      ports: (obj.spec?.containers ?? []).flatMap((c: { ports?: Port[] }) => c.ports ?? []),
      labels: obj.metadata.labels ?? {},
    };
  }
  if (obj.kind === "Service")
    return { selector: obj.spec?.selector, ports: obj.spec?.ports ?? [], labels: obj.metadata.labels ?? {} };
  const sel = obj.spec?.selector;
  if (sel?.matchExpressions?.length)
    throw new CommandError(
      "error: couldn't retrieve selectors via --selector flag or introspection: the selector uses matchExpressions, which expose cannot convert",
    );
  return {
    selector: sel?.matchLabels,
    ports: (obj.spec?.template?.spec?.containers ?? []).flatMap((c: { ports?: Port[] }) => c.ports ?? []),
    labels: obj.spec?.template?.metadata?.labels ?? obj.metadata.labels ?? {},
  };
}

function run(ctx: CommandContext): number {
  const refs = parseResourceArgs(ctx.args.positionals);
  const ref = refs[0];
  if (ref?.names.length !== 1) {
    throw new CommandError(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  const allowed = ["pods", "services", "deployments", "replicasets", "replicationcontrollers"];
  if (!allowed.includes(ref.info.resource)) throw new CommandError(`error: cannot expose a ${ref.info.kind}`);
  const obj = getOrThrow(ctx.cluster, ref.info, ctx.namespace, ref.names[0] ?? "");
  const found = introspect(obj);
  const selText = flagString(ctx, "selector");
  const selector = selText ? parseMap(selText) : found.selector;
  if (!selector || Object.keys(selector).length === 0)
    throw new CommandError(
      "error: couldn't retrieve selectors via --selector flag or introspection: the object has no selector",
    );
  const portFlag = flagString(ctx, "port");
  const targetFlag = flagString(ctx, "target-port");
  const protocol = flagString(ctx, "protocol");
  let ports: Port[];
  if (portFlag) {
    ports = portFlag.split(",").map((p) => ({ port: Number(p), protocol: protocol || "TCP" }));
  } else {
    ports = found.ports.map((p) => ({
      port: p.containerPort ?? p.port ?? 0,
      protocol: p.protocol ?? "TCP",
      ...(p.name ? { name: p.name } : {}),
    }));
  }
  if (ports.length === 0)
    throw new CommandError(
      "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples",
    );
  if (ports.some((p) => !Number.isInteger(p.port) || (p.port ?? 0) < 1))
    throw new CommandError(`error: invalid port: ${portFlag}`);
  ports = ports.map((p, i): Port => {
    const target = targetFlag
      ? /^\d+$/.test(targetFlag)
        ? Number(targetFlag)
        : targetFlag
      : (found.ports[i]?.containerPort ?? p.port);
    const named = ports.length > 1 ? { name: p.name ?? `port-${i + 1}` } : {};
    return { ...named, port: p.port ?? 0, protocol: p.protocol ?? "TCP", targetPort: target ?? p.port ?? 0 };
  });
  const type = flagString(ctx, "type");
  const name = flagString(ctx, "name") || obj.metadata.name;
  const labelText = flagString(ctx, "labels");
  const labels = labelText ? parseMap(labelText) : found.labels;
  const svc: KObject = {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name,
      uid: "",
      resourceVersion: "",
      creationTimestamp: "",
      ...(Object.keys(labels).length ? { labels: { ...labels } } : {}),
    },
    spec: {
      ports,
      selector: { ...selector },
      ...(type ? { type } : {}),
      ...(flagString(ctx, "cluster-ip") ? { clusterIP: flagString(ctx, "cluster-ip") } : {}),
    },
    status: { loadBalancer: {} },
  };
  if (type && !["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"].includes(type)) {
    throw new CommandError(
      `The Service "${name}" is invalid: spec.type: Unsupported value: "${type}": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`,
    );
  }
  const code = finishCreate(ctx, svc, "service");
  const last = ctx.out.chunks.at(-1);
  if (last && last.stream === "out") last.text = last.text.replace(/ created( \(.*\))?\n$/, " exposed$1\n");
  void resourceForKind;
  return code;
}

export const exposeCommand: Command = {
  name: "expose",
  summary:
    "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service",
  flags: FLAGS,
  run,
};
