// HPA figure: CPU time of one simulated hour of the HPA walkthrough — load on for 30 minutes, off for 30.

import { Sim } from "@bosun/sim";
import { cpuMs, report } from "./report.ts";

const PHP_APACHE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: php-apache
spec:
  selector:
    matchLabels:
      run: php-apache
  template:
    metadata:
      labels:
        run: php-apache
    spec:
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        ports:
        - containerPort: 80
        resources:
          limits:
            cpu: 500m
          requests:
            cpu: 200m
---
apiVersion: v1
kind: Service
metadata:
  name: php-apache
  labels:
    run: php-apache
spec:
  ports:
  - port: 80
  selector:
    run: php-apache
`;

const MIN = 60_000;

/** One hour: the walkthrough set-up, a load generator for 30 minutes, then 30 quiet minutes. */
function hour(seed: number): { ms: number; peak: number; end: number } {
  let peak = 0;
  let end = 0;
  const replicas = (sim: Sim) =>
    (sim.get("deployments", "default", "php-apache")?.spec?.replicas as number) ?? 0;
  const ms = cpuMs(() => {
    const sim = Sim.create({ seed, profile: "realistic" });
    sim.exec("kubectl apply -f -", PHP_APACHE);
    sim.exec("kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10");
    sim.exec(
      `kubectl run load-generator --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"`,
    );
    for (let i = 0; i < 30; i++) {
      sim.advance(MIN);
      peak = Math.max(peak, replicas(sim));
    }
    sim.exec("kubectl delete pod load-generator");
    sim.advance(30 * MIN);
    end = replicas(sim);
  });
  return { ms, peak, end };
}

/** Prints sim.hpa_cpu_ms.1h: the median of a few runs after a warm-up run. */
export function hpaBench(): void {
  hour(1);
  const runs = [2, 3, 4, 5, 6].map(hour);
  if (runs.some((r) => r.peak < 4 || r.end !== 1))
    throw new Error(`hpa bench: expected a scale-up and a return to 1 replica, got ${JSON.stringify(runs)}`);
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  report({
    name: "sim.hpa_cpu_ms.1h",
    value: sorted[Math.floor(sorted.length / 2)] ?? 0,
    unit: "ms",
    target: "well under 100 ms of CPU",
  });
}
