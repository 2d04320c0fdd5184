// Rollout figure: CPU time of a full rolling update of a 50-replica deployment, watched with rollout status.

import { Sim } from "@bosun/sim";
import { cpuMs, report } from "./report.ts";

/** One rollout: create 50 replicas, wait until available, change the image, follow rollout status to the end. */
function rollout(seed: number): { ms: number; total: number; ok: boolean } {
  let ok = false;
  let ms = 0;
  const total = cpuMs(() => {
    const sim = Sim.create({ seed, profile: "realistic" });
    sim.exec("kubectl create deployment web --image=nginx:1.24 --replicas=50");
    sim.exec("kubectl rollout status deployment/web");
    // The rollout itself: a new image replaces all 50 pods within maxSurge/maxUnavailable.
    ms = cpuMs(() => {
      sim.exec("kubectl set image deployment/web nginx=nginx:1.25");
      const out = sim.exec("kubectl rollout status deployment/web");
      ok = out.output.includes('deployment "web" successfully rolled out');
    });
  });
  return { ms, total, ok };
}

/** Prints sim.rollout_cpu_ms.50: the median of a few runs after a warm-up run. */
export function rolloutBench(): void {
  rollout(1);
  const runs = [2, 3, 4, 5, 6].map(rollout);
  if (runs.some((r) => !r.ok)) throw new Error("rollout bench: the rollout did not complete");
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  report({
    name: "sim.rollout_cpu_ms.50",
    value: median(runs.map((r) => r.ms)),
    unit: "ms",
    target: "well under 100 ms of CPU",
  });
  // For context: creating the 50 pods first and rolling them out, end to end.
  report({ name: "sim.create_and_rollout_cpu_ms.50", value: median(runs.map((r) => r.total)), unit: "ms" });
}
