// What a container's main process does once started, judged from its image and command line.

import { type ImageInfo, satisfiesRequiredEnv } from "../data/images.ts";

export interface ProcessPlan {
  /** Milliseconds until the process exits, or undefined when it runs until stopped. */
  runsFor: number | undefined;
  exitCode: number;
  /** Lines the process prints (besides the image's own start-up lines). */
  output: string[];
  /** Whether it handles SIGTERM promptly (a shell running a loop does not). */
  handlesTerm: boolean;
  /**
   * The exit code a stop request leaves: 0 for servers that quit cleanly on their stop signal
   * (nginx on SIGQUIT, postgres on SIGINT), 143 for a Go server with no handler (killed by
   * SIGTERM, 128 + 15), 137 for a process that ignores SIGTERM and is SIGKILLed (128 + 9).
   */
  termExitCode: number;
  /** Memory the process settles at, in bytes (compared with the container's limit: OOMKilled). */
  memoryBytes: number;
}

/** Go test servers without a SIGTERM handler: the signal kills them (exit code 143). */
const GO_SERVERS =
  /^(registry\.k8s\.io|k8s\.gcr\.io)\/(liveness|e2e-test-images\/agnhost|goproxy|serve_hostname)[:@]/;

/** Memory units as stress(1) and Kubernetes quantities write them; "250M" to stress is 250 MiB. */
function bytesOf(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([bBkKmMgG]i?)?$/.exec(text);
  if (!m) return undefined;
  const unit = (m[2] ?? "").toLowerCase().replace("i", "");
  const scale = unit === "k" ? 1024 : unit === "m" ? 1024 ** 2 : unit === "g" ? 1024 ** 3 : 1;
  return Math.round(Number(m[1]) * scale);
}

/**
 * Memory a command line asks for on top of the image's own: polinux/stress `--vm 2 --vm-bytes
 * 150M` holds 2 × 150 MiB; vish/stress `-mem-total 150Mi` holds 150 MiB. Worked example from the
 * docs: `--vm 1 --vm-bytes 250M` → 262,144,000 bytes, over a 100Mi (104,857,600) limit: OOMKilled.
 */
export function requestedMemory(argv: readonly string[]): number {
  const value = (...names: string[]) => {
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i] ?? "";
      for (const n of names) {
        if (a === n) return argv[i + 1];
        if (a.startsWith(`${n}=`)) return a.slice(n.length + 1);
      }
    }
    return undefined;
  };
  const vmBytes = value("--vm-bytes");
  if (vmBytes !== undefined) {
    const workers = Number(value("--vm", "-m") ?? "1");
    return (bytesOf(vmBytes) ?? 0) * (Number.isFinite(workers) && workers > 0 ? workers : 1);
  }
  const total = value("-mem-total", "--mem-total");
  return total !== undefined ? (bytesOf(total) ?? 0) : 0;
}

const FOREVER =
  /while\s+(true|:|\[\s*1\s*\]|sleep)|sleep\s+(infinity|inf)\b|tail\s+-f|httpd\s+-f|nc\s+-l|sleep\s+\d{5,}/;

/** `sleep 3600` as the last or only statement. */
function sleepSeconds(script: string): number | undefined {
  const matches = [...script.matchAll(/(?:^|[;&|\s])sleep\s+(\d+(?:\.\d+)?)([smhd]?)/g)];
  if (matches.length === 0) return undefined;
  let total = 0;
  for (const m of matches) {
    const unit = m[2] === "m" ? 60 : m[2] === "h" ? 3600 : m[2] === "d" ? 86400 : 1;
    total += Number(m[1]) * unit;
  }
  return total * 1000;
}

function echoes(script: string): string[] {
  const out: string[] = [];
  for (const m of script.matchAll(
    /(?:^|[;&|]\s*|\s)echo\s+(?:-e\s+|-n\s+)?("([^"]*)"|'([^']*)'|([^;&|]+))/g,
  )) {
    const text = (m[2] ?? m[3] ?? m[4] ?? "").trim();
    if (!/\$/.test(text)) out.push(text);
  }
  return out;
}

/**
 * Plans the main process. A server image runs until stopped; a shell image runs its command
 * (`sleep 3600` exits after an hour, `while true; …` never does, no command exits at once) —
 * which is why `kubectl run bb --image=busybox` without a command ends in CrashLoopBackOff, as on
 * a real cluster.
 */
export function planProcess(
  image: ImageInfo,
  command: string[] | undefined,
  args: string[] | undefined,
  env: Record<string, string>,
  mountPaths: readonly string[] = [],
): ProcessPlan {
  const argv = [...(command ?? []), ...(args ?? [])];
  const plan = basePlan(image, command, argv, env, mountPaths);
  const termExitCode = !plan.handlesTerm ? 137 : GO_SERVERS.test(image.ref) ? 143 : 0;
  return { ...plan, termExitCode, memoryBytes: image.minMemoryBytes + requestedMemory(argv) };
}

type BasePlan = Omit<ProcessPlan, "termExitCode" | "memoryBytes">;

function basePlan(
  image: ImageInfo,
  command: string[] | undefined,
  argv: string[],
  env: Record<string, string>,
  mountPaths: readonly string[],
): BasePlan {
  if (image.requiredEnv && !satisfiesRequiredEnv(image.requiredEnv, env, mountPaths)) {
    if (argv.length === 0 || image.behaviour === "server") {
      return {
        runsFor: 1500,
        exitCode: image.requiredEnv.exitCode,
        output: image.requiredEnv.log,
        handlesTerm: true,
      };
    }
  }
  if (image.behaviour === "server" && command === undefined) {
    return { runsFor: undefined, exitCode: 0, output: [], handlesTerm: true };
  }
  if (argv.length === 0) {
    return image.behaviour === "server"
      ? { runsFor: undefined, exitCode: 0, output: [], handlesTerm: true }
      : { runsFor: 50, exitCode: 0, output: [], handlesTerm: true };
  }
  const script = argv.join(" ");
  if (FOREVER.test(script))
    return { runsFor: undefined, exitCode: 0, output: echoes(script), handlesTerm: false };
  const exit = /(?:^|[;&|\s])exit\s+(\d+)/.exec(script);
  const exitCode = exit ? Number(exit[1]) % 256 : /(^|\s)false(\s|$)/.test(script) ? 1 : 0;
  const sleep = sleepSeconds(script);
  if (sleep !== undefined)
    return { runsFor: Math.max(50, sleep), exitCode, output: echoes(script), handlesTerm: false };
  if (image.behaviour === "server" && !/^(sh|bash|\/bin\/sh|\/bin\/bash)$/.test(argv[0] ?? "")) {
    return { runsFor: undefined, exitCode: 0, output: [], handlesTerm: true };
  }
  return { runsFor: 100, exitCode, output: echoes(script), handlesTerm: true };
}

/** A file the container's own script creates or removes, `at` ms after the process starts. */
export interface ScriptFileEvent {
  path: string;
  at: number;
  /** The content written, or undefined when the file is removed. */
  content: string | undefined;
}

function words(statement: string): string[] {
  const out: string[] = [];
  for (const m of statement.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3] ?? "");
  return out;
}

/**
 * The files a container's script touches over time, in order, up to its first loop. Worked example,
 * the docs' exec-liveness pod `touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600`:
 * [{ /tmp/healthy at 0 ms, "" }, { /tmp/healthy at 30,000 ms, removed }].
 */
export function scriptFiles(argv: readonly string[]): ScriptFileEvent[] {
  const shell = /^(\/bin\/)?(sh|bash|ash)$/.test(argv[0] ?? "") && argv[1] === "-c";
  const script = shell ? argv.slice(2).join(" ") : argv.join(" ");
  const events: ScriptFileEvent[] = [];
  let t = 0;
  for (const statement of script.split(/;|&&|\|\||\n|&/)) {
    const w = words(statement.trim());
    const [cmd, ...rest] = w;
    if (cmd === undefined) continue;
    if (/^(while|until|for|do)$/.test(cmd)) break;
    const redirect = rest.findIndex((x) => x === ">" || x === ">>" || /^>>?\S/.test(x));
    if (redirect >= 0) {
      const token = rest[redirect] ?? "";
      const path = /^>>?$/.test(token) ? rest[redirect + 1] : token.replace(/^>>?/, "");
      const text = cmd === "echo" ? `${rest.slice(0, redirect).join(" ")}\n` : "";
      if (path) events.push({ path, at: t, content: text });
    } else if (cmd === "touch") {
      for (const path of rest.filter((x) => !x.startsWith("-"))) events.push({ path, at: t, content: "" });
    } else if (cmd === "rm") {
      for (const path of rest.filter((x) => !x.startsWith("-")))
        events.push({ path, at: t, content: undefined });
    } else if (cmd === "sleep") {
      const n = Number(rest[0]);
      if (!Number.isFinite(n)) break;
      t += n * 1000;
    }
  }
  return events;
}
