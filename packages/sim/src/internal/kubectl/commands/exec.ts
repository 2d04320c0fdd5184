// kubectl exec: runs a command in a running container through the simulated shell.

import { findResource, qualifiedName } from "../../api/resources.ts";
import type { KObject } from "../../api/types.ts";
import { isPodReady, podPhase } from "../../controllers/context.ts";
import type { ContainerSpec } from "../../controllers/kubelet-env.ts";
import { fnv32a } from "../../util/rng.ts";
import * as cmd from "../command.ts";
import type { FlagSpec } from "../flags.ts";
import { lookupType } from "../resource-args.ts";
import { labelSelectorFromSpec, matches, selectorFromMatchLabels } from "../selector.ts";
import { newProc, runCommand } from "./exec-shell.ts";

const FLAGS: FlagSpec[] = [
  { name: "container", short: "c", type: "string", default: "" },
  cmd.FILENAME_FLAG,
  { name: "pod-running-timeout", type: "duration", default: "1m0s" },
  { name: "quiet", short: "q", type: "bool", default: false },
  { name: "stdin", short: "i", type: "bool", default: false },
  { name: "tty", short: "t", type: "bool", default: false },
];

const binaryName = (name: string) => name.slice(name.lastIndexOf("/") + 1);

function execId(seed: string): string {
  let out = "";
  for (let i = 0; i < 8; i++) out += fnv32a(`${seed}:${i}`).toString(16).padStart(8, "0");
  return out;
}

const fail = (message: string): never => {
  throw new cmd.CommandError(message);
};

/** The pod POD or TYPE/NAME names: a workload's first pod, running and ready ones first. */
function podFor(ctx: cmd.CommandContext, ref: string): KObject {
  const { store } = ctx.cluster;
  const slash = ref.indexOf("/");
  const info = slash < 0 ? findResource("pods") : lookupType(ref.slice(0, slash));
  const name = ref.slice(slash + 1);
  const obj = info && store.get(info.resource, info.namespaced ? ctx.namespace : undefined, name);
  if (!info || !obj)
    return fail(`Error from server (NotFound): ${info ? qualifiedName(info) : "pods"} "${name}" not found`);
  if (info.resource === "pods") return obj;
  const spec = obj.spec?.selector;
  const sel =
    obj.kind === "Service" || obj.kind === "ReplicationController"
      ? selectorFromMatchLabels(spec ?? {})
      : labelSelectorFromSpec(spec);
  const rank = (p: KObject) => (podPhase(p) === "Running" ? 0 : 1) + (isPodReady(p) ? 0 : 1);
  const pods = store
    .list("pods", ctx.namespace)
    .filter((p) => matches(sel, p.metadata.labels) && !p.metadata.deletionTimestamp)
    .sort((a, b) => rank(a) - rank(b));
  return pods[0] ?? fail("error: timed out waiting for the condition");
}

/** podcmd.FindOrDefaultContainerByName: -c, the default-container annotation, else the first. */
function containerFor(ctx: cmd.CommandContext, pod: KObject): { spec: ContainerSpec; index: number } {
  const specs = (pod.spec?.containers ?? []) as ContainerSpec[];
  const inits = (pod.spec?.initContainers ?? []) as ContainerSpec[];
  const name =
    cmd.flagString(ctx, "container") ||
    pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"] ||
    "";
  if (name) {
    const index = specs.findIndex((c) => c.name === name);
    const spec = specs[index] ?? inits.find((c) => c.name === name);
    if (!spec) return fail(`error: container ${name} not found in pod ${pod.metadata.name}`);
    return { spec, index };
  }
  if (specs.length + inits.length > 1 && !cmd.flagBool(ctx, "quiet")) {
    const names = [...specs.map((c) => c.name), ...inits.map((c) => `${c.name} (init)`)].join(", ");
    ctx.out.err(`Defaulted container "${specs[0]?.name ?? ""}" out of: ${names}`);
  }
  return { spec: specs[0] as ContainerSpec, index: 0 };
}

function run(ctx: cmd.CommandContext): number {
  const args = ctx.args.positionals;
  const command = ctx.args.dashDash ?? [];
  if (args.length === 0 && cmd.flagList(ctx, "filename").length === 0)
    fail("error: pod, type/name or --filename must be specified");
  if (args.length > 1)
    fail(
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples",
    );
  if (command.length === 0) fail("error: you must specify at least one command for the container");
  const pod = podFor(ctx, args[0] ?? "");
  const phase = podPhase(pod);
  if (phase === "Succeeded" || phase === "Failed")
    fail(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
  const { spec, index } = containerFor(ctx, pod);
  const rt = ctx.cluster.state.pods[pod.metadata.uid]?.containers[index];
  const startedAt = index >= 0 ? rt?.startedAt : undefined;
  if (startedAt === undefined)
    fail(`error: unable to upgrade connection: container not found ("${spec.name}")`);
  const tty = cmd.flagBool(ctx, "tty");
  const stdin = cmd.flagBool(ctx, "stdin");
  if (tty && !stdin) ctx.out.err("Unable to use a TTY - input is not a terminal or the right kind of file");
  const target = { ctx: ctx.cluster.ctx, pod, spec, startedAt: startedAt ?? 0 };
  const proc = newProc(target, ctx.cluster.now, tty);
  if (
    stdin &&
    tty &&
    /^(\/bin\/)?(sh|bash|ash)$/.test(command[0] ?? "") &&
    command.length === 1 &&
    proc.tools.has(binaryName(command[0] ?? ""))
  ) {
    ctx.out.err(
      `Bosun does not simulate interactive shells yet; run one command at a time: kubectl exec ${pod.metadata.name} -- sh -c '<command>'`,
    );
    return 0;
  }
  const result = runCommand(proc, command, ctx.stdin ?? "", false);
  if (result.code === -1) {
    // containerd names each exec session with its own random 64-hex id.
    const id = execId(`${rt?.id ?? ""}:${ctx.cluster.now}:${command.join(" ")}`);
    return fail(
      `error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: ${result.stderr}: unknown`,
    );
  }
  if (result.stdout) ctx.out.chunks.push({ stream: "out", text: result.stdout });
  if (result.stderr) ctx.out.chunks.push({ stream: "err", text: result.stderr });
  if (result.code !== 0) ctx.out.err(`command terminated with exit code ${result.code}`);
  return result.code;
}

/** `kubectl exec POD [-c CONTAINER] -- COMMAND [args…]`. */
export const execCommand: cmd.Command = {
  name: "exec",
  summary: "Execute a command in a container",
  flags: FLAGS,
  run,
};
