// Evaluates a check against a simulated cluster: dispatch on the check's one key, and all/any/not.

import type { Sim } from "@bosun/sim";
import { type CommandContext, evaluateCommand, evaluateContext } from "./command.ts";
import {
  evaluateAbsent,
  evaluateEvent,
  evaluateExists,
  evaluateNode,
  evaluateObject,
  evaluateService,
} from "./objects.ts";
import type { CheckResult } from "./result.ts";
import type { Check } from "./schema.ts";
import { evaluateDeployment, evaluateHpa, evaluatePods, evaluateRollout } from "./workloads.ts";

/**
 * Whether the cluster (and, for `command:` checks, the last command) meets `check`. Reads only:
 * it never changes the cluster. `detail` tells the learner what is missing, or what was found.
 */
export function evaluate(check: Check, sim: Sim, ctx: CommandContext = {}): CheckResult {
  const leafNs = (own: string | undefined) => own ?? ctx.namespace ?? sim.currentNamespace;
  if (check.all) {
    const results = check.all.map((c) => evaluate(c, sim, ctx));
    const failed = results.find((r) => !r.pass);
    return failed ?? { pass: true, detail: results.map((r) => r.detail).join(" ") };
  }
  if (check.any) {
    const results = check.any.map((c) => evaluate(c, sim, ctx));
    const passed = results.find((r) => r.pass);
    return passed ?? { pass: false, detail: results.map((r) => r.detail).join(" Or: ") };
  }
  if (check.not) {
    const r = evaluate(check.not, sim, ctx);
    return { pass: !r.pass, detail: r.pass ? `Not yet: ${r.detail}` : r.detail };
  }
  if (check.deployment) return evaluateDeployment(check.deployment, sim, leafNs(check.deployment.namespace));
  if (check.pods) return evaluatePods(check.pods, sim, leafNs(check.pods.namespace));
  if (check.service) return evaluateService(check.service, sim, leafNs(check.service.namespace));
  if (check.object) return evaluateObject(check.object, sim, leafNs(check.object.namespace));
  if (check.exists) return evaluateExists(check.exists, sim, leafNs(check.exists.namespace));
  if (check.absent) return evaluateAbsent(check.absent, sim, leafNs(check.absent.namespace));
  if (check.rollout) return evaluateRollout(check.rollout, sim, leafNs(check.rollout.namespace));
  if (check.hpa) return evaluateHpa(check.hpa, sim, leafNs(check.hpa.namespace));
  if (check.node) return evaluateNode(check.node, sim);
  if (check.event) return evaluateEvent(check.event, sim, leafNs(check.event.namespace));
  if (check.context) return evaluateContext(check.context, sim);
  if (check.command) return evaluateCommand(check.command, ctx);
  // Unreachable for validated content: checkSchema requires exactly one key.
  return { pass: false, detail: "This step's check is empty." };
}
