// Property tests: random command sequences never throw, and the cluster's invariants always hold.

import { Sim } from "@bosun/sim";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { command, run } from "./commands.ts";
import { checkInvariants } from "./invariants.ts";

describe("random command sequences", () => {
  it("never throw and keep every invariant", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(command, { minLength: 1, maxLength: 25 }),
        (seed, cmds) => {
          const sim = Sim.create({ seed, profile: "fast" });
          for (const c of cmds) {
            run(sim, c);
            const problems = checkInvariants(sim);
            expect(problems, `after ${c}`).toEqual([]);
          }
          // A saved and restored session carries on identically.
          const copy = Sim.restore(JSON.parse(JSON.stringify(sim.save())));
          expect(copy.exec("kubectl get all -A").output).toBe(sim.exec("kubectl get all -A").output);
        },
      ),
      { numRuns: 60 },
    );
  });
});
