// Autocomplete choices for kubectl verbs and lesson numbers (pure: the bot answers from memory).

/** An autocomplete choice as Discord takes it (name ≤ 100 characters, at most 25 choices). */
export interface Choice<T extends string | number> {
  name: string;
  value: T;
}

const MAX_CHOICES = 25;
const MAX_NAME = 100;

/** The kubectl (and az) command openings a learner meets in the course, most common first. */
export const KUBECTL_VERBS = [
  "get pods",
  "get deployments",
  "get services",
  "get nodes",
  "get all",
  "describe pod ",
  "describe deployment ",
  "create deployment ",
  "apply -f -",
  "delete pod ",
  "scale deployment ",
  "rollout status deployment/",
  "rollout restart deployment/",
  "rollout undo deployment/",
  "rollout history deployment/",
  "set image deployment/",
  "expose deployment ",
  "logs ",
  "label ",
  "annotate ",
  "explain ",
  "cluster-info",
  "top pods",
  "cordon ",
  "drain ",
  "uncordon ",
  "config get-contexts",
  "autoscale deployment ",
  "create namespace ",
  "create configmap ",
  "create secret generic ",
] as const;

function clip(s: string): string {
  return s.length > MAX_NAME ? `${s.slice(0, MAX_NAME - 1)}…` : s;
}

/**
 * Choices for `/kubectl command:`: what the learner typed first (so that picking a choice never
 * rewrites their command), then the openings that continue it.
 * Example: "ro" → "ro", "rollout status deployment/", "rollout restart deployment/", …
 */
export function kubectlChoices(typed: string): Choice<string>[] {
  const text = typed.replace(/^\s*kubectl\s+/, "").trimStart();
  const lower = text.toLowerCase();
  const own: Choice<string>[] =
    text.trim() !== "" && text.length <= MAX_NAME ? [{ name: text, value: text }] : [];
  const more = KUBECTL_VERBS.filter((v) => v.startsWith(lower) && v.trimEnd() !== text.trimEnd()).map(
    (v) => ({
      name: v.trimEnd(),
      value: v,
    }),
  );
  return [...own, ...more].slice(0, MAX_CHOICES);
}

/** Choices for `/lesson number:`: lessons whose number or title matches what was typed. */
export function lessonChoices(
  typed: string,
  lessons: readonly { number: number; title: string }[],
): Choice<number>[] {
  const q = typed.trim().toLowerCase();
  return lessons
    .filter((l) => q === "" || String(l.number).startsWith(q) || l.title.toLowerCase().includes(q))
    .slice(0, MAX_CHOICES)
    .map((l) => ({ name: clip(`${l.number}. ${l.title}`), value: l.number }));
}
