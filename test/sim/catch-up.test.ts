// Property: moving the clock (the catch-up before each event, and `sleep`) leaves a converged
// cluster. The last stretch of an advance runs no reconcile pass when no controller has timed work in
// it; a controller whose sync would still change something there (work with no `wake`) shows up as
// a restored copy that changes when it reconciles.

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

/** A random step: a command line, or time passing as it does between a learner's events. */
const step = fc.oneof(
  { arbitrary: command.map((line) => ({ line })), weight: 3 },
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
    if (typeof s === "number") sim.advance(s);
    else if (s.stdin !== undefined) sim.exec(s.line, s.stdin);
    else runInput(sim, s.line);
    const what = typeof s === "number" ? `advance ${s} ms` : s.line;
    expect(unconverged(sim), `after step ${i} (${what})`).toBeUndefined();
  }
}

describe("time passing without a reconcile pass", () => {
  it("leaves the cluster as a full pass would", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.constantFrom("fast", "realistic", "chaos"),
        fc.array(step, { minLength: 1, maxLength: 30 }),
        check,
      ),
      { numRuns: 120 },
    );
  });
});
