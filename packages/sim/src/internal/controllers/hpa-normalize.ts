// HPA recommendation stabilisation and scale-rate limits as pure functions (podautoscaler/horizontal.go).

/** A desired replica count computed at one sync (the controller keeps those inside the windows). */
export interface Recommendation {
  replicas: number;
  at: number;
}

/** A rescale the controller made, kept while a behavior policy period may still count it. */
export interface ScaleEvent {
  change: number;
  at: number;
  outdated?: boolean;
}

export interface ScalingPolicy {
  type: string;
  value: number;
  periodSeconds: number;
}

/** HPAScalingRules after defaulting: selectPolicy and policies are always set. */
export interface ScalingRules {
  stabilizationWindowSeconds?: number;
  selectPolicy: string;
  policies: ScalingPolicy[];
}

/** A condition the normalisation wants set: reason and message for AbleToScale or ScalingLimited. */
export interface Limit {
  replicas: number;
  reason: string;
  message: string;
}

const INT32_MAX = 2147483647;
const INT32_MIN = -2147483648;

/** The pre-behavior scale-up cap: max(2 × current, 4). Example: 3 → 6; 1 → 4. */
export function calculateScaleUpLimit(currentReplicas: number): number {
  return Math.trunc(Math.max(2 * currentReplicas, 4));
}

/**
 * stabilizeRecommendation (no behavior): records the new recommendation, reusing the slot of one
 * older than the window, and returns the highest recommendation inside the window. Example: 4 and 5
 * in the last 5 minutes and 3 now → 5 (ScaleDownStabilized).
 */
export function stabilizeRecommendation(
  recs: Recommendation[],
  desired: number,
  now: number,
  windowMs: number,
): number {
  let max = desired;
  let oldIndex = -1;
  const cutoff = now - windowMs;
  recs.forEach((r, i) => {
    if (r.at < cutoff) oldIndex = i;
    else if (r.replicas > max) max = r.replicas;
  });
  const rec = { replicas: desired, at: now };
  if (oldIndex >= 0) recs[oldIndex] = rec;
  else recs.push(rec);
  return max;
}

/** convertDesiredReplicasWithRules: clamps to [min, min(max, scale-up limit)] and names the limit. */
export function convertDesiredReplicasWithRules(
  current: number,
  desired: number,
  min: number,
  max: number,
): Limit {
  const scaleUpLimit = calculateScaleUpLimit(current);
  let maximum: number;
  let reason: string;
  let message: string;
  if (max > scaleUpLimit) {
    maximum = scaleUpLimit;
    reason = "ScaleUpLimit";
    message = "the desired replica count is increasing faster than the maximum scale rate";
  } else {
    maximum = max;
    reason = "TooManyReplicas";
    message = "the desired replica count is more than the maximum replica count";
  }
  if (desired < min)
    return {
      replicas: min,
      reason: "TooFewReplicas",
      message: "the desired replica count is less than the minimum replica count",
    };
  if (desired > maximum) return { replicas: maximum, reason, message };
  return {
    replicas: desired,
    reason: "DesiredWithinRange",
    message: "the desired count is within the acceptable range",
  };
}

export interface BehaviorArgs {
  scaleUp: ScalingRules;
  scaleDown: ScalingRules;
  min: number;
  max: number;
  current: number;
  desired: number;
}

/**
 * stabilizeRecommendationWithBehaviors: the result lies between the lowest recommendation of the
 * scale-up window and the highest of the scale-down window, starting from the current count.
 * Example: current 1, desired 7, recommendations 4 and 5 in a 300 s up-window → 4 (ScaleUpStabilized).
 */
export function stabilizeWithBehaviors(recs: Recommendation[], args: BehaviorArgs, now: number): Limit {
  const upCutoff = now - (args.scaleUp.stabilizationWindowSeconds ?? 0) * 1000;
  const downCutoff = now - (args.scaleDown.stabilizationWindowSeconds ?? 0) * 1000;
  let up = args.desired;
  let down = args.desired;
  let oldIndex = -1;
  recs.forEach((r, i) => {
    if (r.at > upCutoff) up = Math.min(r.replicas, up);
    if (r.at > downCutoff) down = Math.max(r.replicas, down);
    if (r.at < upCutoff && r.at < downCutoff) oldIndex = i;
  });
  let replicas = args.current;
  if (replicas < up) replicas = up;
  if (replicas > down) replicas = down;
  const rec = { replicas: args.desired, at: now };
  if (oldIndex >= 0) recs[oldIndex] = rec;
  else recs.push(rec);
  return args.desired >= args.current
    ? {
        replicas,
        reason: "ScaleUpStabilized",
        message:
          "recent recommendations were lower than current one, applying the lowest recent recommendation",
      }
    : {
        replicas,
        reason: "ScaleDownStabilized",
        message:
          "recent recommendations were higher than current one, applying the highest recent recommendation",
      };
}

/** Replicas added (or removed) by events newer than `periodSeconds`. */
export function replicasChangePerPeriod(
  periodSeconds: number,
  events: readonly ScaleEvent[],
  now: number,
): number {
  const cutoff = now - periodSeconds * 1000;
  let sum = 0;
  for (const e of events) if (e.at > cutoff) sum += e.change;
  return sum;
}

/**
 * The most replicas the scale-up rules allow: for each policy, the count at the start of its period
 * plus Pods or × (1 + Percent/100), rounded up; Max picks the largest. Example (default rules,
 * current 10, no events): max(10 + 4, ceil(10 × 2)) = 20.
 */
export function scaleUpLimitWithRules(
  current: number,
  upEvents: readonly ScaleEvent[],
  downEvents: readonly ScaleEvent[],
  rules: ScalingRules,
  now: number,
): number {
  if (rules.selectPolicy === "Disabled") return current;
  const useMin = rules.selectPolicy === "Min";
  let result = useMin ? INT32_MAX : INT32_MIN;
  for (const p of rules.policies) {
    const start =
      current -
      replicasChangePerPeriod(p.periodSeconds, upEvents, now) +
      replicasChangePerPeriod(p.periodSeconds, downEvents, now);
    let proposed = 0;
    if (p.type === "Pods") proposed = start + p.value;
    else if (p.type === "Percent") proposed = Math.ceil(start * (1 + p.value / 100));
    result = useMin ? Math.min(result, proposed) : Math.max(result, proposed);
  }
  return result;
}

/**
 * The fewest replicas the scale-down rules allow: count at the period start minus Pods or
 * × (1 − Percent/100), truncated; Max (the biggest change) picks the smallest. Example: 100 pods,
 * Pods 20 or 1% per 60 s → min(80, 99) = 80.
 */
export function scaleDownLimitWithRules(
  current: number,
  upEvents: readonly ScaleEvent[],
  downEvents: readonly ScaleEvent[],
  rules: ScalingRules,
  now: number,
): number {
  if (rules.selectPolicy === "Disabled") return current;
  const useMax = rules.selectPolicy === "Min";
  let result = useMax ? INT32_MIN : INT32_MAX;
  for (const p of rules.policies) {
    const start =
      current -
      replicasChangePerPeriod(p.periodSeconds, upEvents, now) +
      replicasChangePerPeriod(p.periodSeconds, downEvents, now);
    let proposed = 0;
    if (p.type === "Pods") proposed = start - p.value;
    else if (p.type === "Percent") proposed = Math.trunc(start * (1 - p.value / 100));
    result = useMax ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return result;
}

/** convertDesiredReplicasWithBehaviorRate: applies the policies' rate limits and min/max. */
export function convertWithBehaviorRate(
  args: BehaviorArgs,
  upEvents: readonly ScaleEvent[],
  downEvents: readonly ScaleEvent[],
  now: number,
): Limit {
  if (args.desired > args.current) {
    let limit = scaleUpLimitWithRules(args.current, upEvents, downEvents, args.scaleUp, now);
    if (limit < args.current) limit = args.current;
    let maximum = args.max;
    let reason = "TooManyReplicas";
    let message = "the desired replica count is more than the maximum replica count";
    if (maximum > limit) {
      maximum = limit;
      reason = "ScaleUpLimit";
      message = "the desired replica count is increasing faster than the maximum scale rate";
    }
    if (args.desired > maximum) return { replicas: maximum, reason, message };
  } else if (args.desired < args.current) {
    let limit = scaleDownLimitWithRules(args.current, upEvents, downEvents, args.scaleDown, now);
    if (limit > args.current) limit = args.current;
    let minimum = args.min;
    let reason = "TooFewReplicas";
    let message = "the desired replica count is less than the minimum replica count";
    if (minimum < limit) {
      minimum = limit;
      reason = "ScaleDownLimit";
      message = "the desired replica count is decreasing faster than the maximum scale rate";
    }
    if (args.desired < minimum) return { replicas: minimum, reason, message };
  }
  return {
    replicas: args.desired,
    reason: "DesiredWithinRange",
    message: "the desired count is within the acceptable range",
  };
}

/** The longest policy period, in seconds. */
export function longestPolicyPeriod(rules: ScalingRules): number {
  let longest = 0;
  for (const p of rules.policies) if (p.periodSeconds > longest) longest = p.periodSeconds;
  return longest;
}

/**
 * storeScaleEvent: marks events older than the longest period outdated and records the change,
 * reusing the last outdated slot. Returns the list to keep.
 */
export function storeScaleEvent(
  events: ScaleEvent[],
  rules: ScalingRules,
  change: number,
  now: number,
): ScaleEvent[] {
  const cutoff = now - longestPolicyPeriod(rules) * 1000;
  let oldIndex = -1;
  events.forEach((e, i) => {
    if (e.at < cutoff) e.outdated = true;
    if (e.outdated) oldIndex = i;
  });
  const event: ScaleEvent = { change, at: now };
  if (oldIndex >= 0) events[oldIndex] = event;
  else events.push(event);
  return events;
}

type RulesInput = { stabilizationWindowSeconds?: number; selectPolicy?: string; policies?: ScalingPolicy[] };

/**
 * GenerateHPAScaleUpRules: the API's defaults under what the spec sets — no stabilisation, Max of
 * 4 pods or 100% per 15 s.
 */
export function scaleUpRules(rules: RulesInput | undefined): ScalingRules {
  return {
    stabilizationWindowSeconds: rules?.stabilizationWindowSeconds ?? 0,
    selectPolicy: rules?.selectPolicy ?? "Max",
    policies: rules?.policies ?? [
      { type: "Pods", value: 4, periodSeconds: 15 },
      { type: "Percent", value: 100, periodSeconds: 15 },
    ],
  };
}

/** GenerateHPAScaleDownRules: 100% per 15 s; the window stays unset (the controller's flag fills it). */
export function scaleDownRules(rules: RulesInput | undefined): ScalingRules {
  return {
    ...(rules?.stabilizationWindowSeconds !== undefined
      ? { stabilizationWindowSeconds: rules.stabilizationWindowSeconds }
      : {}),
    selectPolicy: rules?.selectPolicy ?? "Max",
    policies: rules?.policies ?? [{ type: "Percent", value: 100, periodSeconds: 15 }],
  };
}
