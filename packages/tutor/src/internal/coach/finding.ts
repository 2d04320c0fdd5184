// The coach's findings and its rules: each rule is a key takeaway of the course, tied to the lesson that teaches it.

/** The rules the coach applies. */
export type RuleId =
  | "deployment-not-pod"
  | "replicas"
  | "resources"
  | "secret-literal"
  | "probes"
  | "image-tag";

/** What a rule is and where the course teaches it. */
export interface RuleInfo {
  severity: "tip" | "warning";
  /** The course lesson (its `number`) that teaches the practice. */
  lesson: number;
  /** A concept id that lesson lists, so a test can check the link still holds. */
  concept: string;
}

/** The rules, each tied to its lesson. Warnings are for what can break or leak; tips for what makes an app sturdier. */
export const RULES = {
  "deployment-not-pod": { severity: "tip", lesson: 5, concept: "use-deployments-not-pods" },
  replicas: { severity: "tip", lesson: 5, concept: "replicaset" },
  resources: { severity: "tip", lesson: 6, concept: "resource-requests-limits" },
  "secret-literal": { severity: "warning", lesson: 8, concept: "secret-keyref" },
  probes: { severity: "tip", lesson: 9, concept: "readiness-probe" },
  "image-tag": { severity: "warning", lesson: 11, concept: "pin-image-versions" },
} as const satisfies Record<RuleId, RuleInfo>;

/** One piece of advice about something the learner applied or typed. */
export interface Finding {
  rule: RuleId;
  severity: "tip" | "warning";
  /** The object it is about, as kubectl names it: "deployment/web". */
  object: string;
  /** One sentence in the tutor's words. Never contains a secret's value. */
  message: string;
  /** The course lesson that teaches the practice. */
  lesson: number;
}

/** Builds a finding with its rule's severity and lesson. */
export function finding(rule: RuleId, object: string, message: string): Finding {
  const info = RULES[rule];
  return { rule, severity: info.severity, object, message, lesson: info.lesson };
}

/** "web", "web and sidecar", "a, b and c". */
export function names(list: readonly string[]): string {
  if (list.length <= 1) return list[0] ?? "";
  return `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
}
