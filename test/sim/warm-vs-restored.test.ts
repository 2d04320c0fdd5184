// Property: a Sim kept open prints and saves exactly what one restored before every command does.

import { Sim } from "@bosun/sim";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { command, firstDifference, inputCommand, runInput } from "./commands.ts";

/**
 * The worker keeps a session's Sim open between events; a worker without it restores the saved
 * state. Controllers skip syncs whose inputs did not change, from memories a restored Sim does not
 * have: any input missing from those memories makes the two drift apart.
 */
function check(seed: number, lines: readonly string[]): void {
  const warm = Sim.create({ seed, profile: "fast" });
  let stored = JSON.stringify(warm.save());
  for (const [i, line] of lines.entries()) {
    const cold = Sim.restore(JSON.parse(stored));
    const got = runInput(warm, line).output;
    const want = runInput(cold, line).output;
    expect(got, `output of line ${i}: ${line}`).toBe(want);
    const saved = JSON.stringify(warm.save());
    stored = JSON.stringify(cold.save());
    expect(firstDifference(saved, stored), `state after line ${i}: ${line}`).toBeUndefined();
  }
}

describe("a Sim kept open vs restored before every command", () => {
  it("agree on random workloads", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(command, { minLength: 1, maxLength: 25 }),
        check,
      ),
      { numRuns: 40 },
    );
  });

  it("agree when quotas, limits, config, claims and nodes change under the workloads", () => {
    const line = fc.oneof({ arbitrary: command, weight: 2 }, { arbitrary: inputCommand, weight: 2 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(line, { minLength: 1, maxLength: 30 }),
        check,
      ),
      { numRuns: 60 },
    );
  });
});
