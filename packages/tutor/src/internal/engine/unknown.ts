// The reply to a line the tutor does not understand: a guess at what was meant, and what works.

import type { ReplyBlock } from "../model.ts";

/** Words the tutor understands on their own; a close misspelling is suggested back. */
const WORDS = [
  "help",
  "hint",
  "solution",
  "quiz",
  "review",
  "progress",
  "lesson",
  "lessons",
  "next",
  "reset",
  "skip",
];

/** kubectl verbs: `get pods` on its own was probably meant for kubectl. */
const KUBECTL_VERBS = new Set([
  "get",
  "describe",
  "apply",
  "create",
  "delete",
  "scale",
  "rollout",
  "expose",
  "logs",
  "exec",
  "set",
  "edit",
  "label",
  "run",
  "config",
  "cluster-info",
  "top",
  "autoscale",
  "explain",
  "version",
  "api-resources",
]);

/** Levenshtein distance, for "hnit" → "hint". Words here are short, so the O(n·m) table is tiny. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** What to say to a line that is neither a command nor a tutor word. */
export function unknownReply(text: string): ReplyBlock[] {
  const first = (text.split(/\s+/)[0] ?? "").toLowerCase();
  let guess: string | undefined;
  if (KUBECTL_VERBS.has(first)) guess = `kubectl ${text}`;
  else if (/^kube(ctl|tcl|ctrl|clt)$|^kubetcl$|^kubect$/.test(first))
    guess = `kubectl ${text.split(/\s+/).slice(1).join(" ")}`;
  else {
    const close = WORDS.map((w) => [w, editDistance(first, w)] as const)
      .filter(([w, d]) => d > 0 && d <= (w.length >= 4 ? 2 : 1))
      .sort((x, y) => x[1] - y[1])[0];
    if (close) guess = [close[0], ...text.split(/\s+/).slice(1)].join(" ");
  }
  const blocks: ReplyBlock[] = [];
  blocks.push({
    kind: "text",
    text: guess
      ? `I did not understand "${text}". Did you mean \`${guess.trim()}\`?`
      : `I did not understand "${text}".`,
  });
  blocks.push({
    kind: "text",
    text: "Type a kubectl command (`kubectl get pods`), or `hint`, `lesson`, `quiz`, `progress`, `help`.",
  });
  return blocks;
}
