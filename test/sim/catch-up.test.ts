// Property: moving the clock (the catch-up before each event) leaves a converged cluster. The last
// stretch of an advance runs no reconcile pass when no controller has timed work in it; a controller
// whose sync would still change something there (work with no `wake`, or a wake later than the
// moment its decision flips) shows up as a restored copy that changes when it reconciles.

import { Sim } from "@bosun/sim";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { command, firstDifference, inputCommand, runInput } from "./commands.ts";

/** Pods whose probes pass, fail, or pass for a while: the kubelet counts their ticks lazily. */
const probed = (name: string, probe: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.25\n${probe}`;
const PROBED = [
  probed("ready", "    readinessProbe:\n      httpGet: {path: /, port: 80}\n      periodSeconds: 5\n"),
  probed("unready", "    readinessProbe:\n      tcpSocket: {port: 8080}\n      periodSeconds: 3\n"),
  probed("dying", "    livenessProbe:\n      httpGet: {path: /nope, port: 80}\n      periodSeconds: 7\n"),
];

/** Objects whose controllers keep time: deadlines, schedules, minimum ready times, back-offs. */
const TIMED = [
  'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: slow\nspec:\n  activeDeadlineSeconds: 30\n  ttlSecondsAfterFinished: 60\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n        command: [sleep, "120"]\n',
  'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: fails\nspec:\n  backoffLimit: 2\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n        command: [sh, -c, "exit 1"]\n',
  'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: tick\nspec:\n  schedule: "*/2 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: c\n            image: busybox\n            command: [date]\n',
  "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: steady\nspec:\n  replicas: 2\n  minReadySeconds: 10\n  progressDeadlineSeconds: 30\n  selector:\n    matchLabels: {app: steady}\n  template:\n    metadata:\n      labels: {app: steady}\n    spec:\n      containers:\n      - name: c\n        image: nginx:1.25\n",
  "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  replicas: 2\n  minReadySeconds: 5\n  selector:\n    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: {app: db}\n    spec:\n      containers:\n      - name: c\n        image: redis:7\n",
];

/** A random step: a command line, or time passing as it does between a learner's events. */
const step = fc.oneof(
  { arbitrary: command.map((line) => ({ line })), weight: 3 },
  { arbitrary: fc.constantFrom(...TIMED).map((stdin) => ({ line: "kubectl apply -f -", stdin })), weight: 1 },
  {
    arbitrary: fc
      .constantFrom(
        "kubectl autoscale deployment web --min=1 --max=5 --cpu-percent=50",
        "kubectl rollout restart deployment web",
        "kubectl set image deployment/web web=nginx:9.99",
      )
      .map((line) => ({ line })),
    weight: 1,
  },
  { arbitrary: inputCommand.map((line) => ({ line })), weight: 2 },
  {
    arbitrary: fc.constantFrom(...PROBED).map((stdin) => ({ line: "kubectl apply -f -", stdin })),
    weight: 1,
  },
  {
    arbitrary: fc.oneof(
      fc.integer({ min: 1, max: 3_000 }),
      fc.integer({ min: 3_000, max: 90_000 }),
      fc.integer({ min: 90_000, max: 600_000 }),
      // Long enough for events to expire (an hour after they were last seen).
      fc.integer({ min: 600_000, max: 4_000_000 }),
      // Just past or just short of a whole second: deadlines are whole seconds after the event
      // that started them, and one passes only when exceeded.
      fc.integer({ min: 1, max: 4_000 }).chain((s) => fc.constantFrom(s * 1000 + 1, s * 1000 - 1)),
    ),
    weight: 3,
  },
);

/** Whether a fresh copy of `sim`'s saved state still saves the same after a full reconcile pass. */
function unconverged(sim: Sim): string | undefined {
  const saved = JSON.stringify(sim.save());
  const copy = Sim.restore(JSON.parse(saved));
  copy.cluster.reconcile();
  return firstDifference(JSON.stringify(copy.save()), saved);
}

function check(
  seed: number,
  profile: string,
  steps: readonly ({ line: string; stdin?: string } | number)[],
): void {
  const sim = Sim.create({ seed, profile });
  for (const [i, s] of steps.entries()) {
    if (typeof s !== "number") {
      if (s.stdin !== undefined) sim.exec(s.line, s.stdin);
      else runInput(sim, s.line);
      continue;
    }
    // Only what the advance did is judged: a state that a restored copy would already change
    // (a few controllers act once more when they start without memory) says nothing about it.
    if (unconverged(sim) !== undefined) {
      sim.advance(s);
      continue;
    }
    sim.advance(s);
    expect(unconverged(sim), `after step ${i} (advance ${s} ms)`).toBeUndefined();
  }
}

describe("time passing without a reconcile pass", () => {
  it("leaves the cluster as a full pass would", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.constantFrom("fast", "realistic", "chaos"),
        fc.array(step, { minLength: 1, maxLength: 30 }),
        check,
      ),
      { numRuns: 800 },
    );
  });
});
