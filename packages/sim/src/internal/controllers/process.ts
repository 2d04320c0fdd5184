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
