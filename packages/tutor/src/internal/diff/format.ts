// Renders diff lines as the short text lines a chat reply shows.

import type { DiffLine } from "./diff.ts";

/** Options for `formatDiff`. */
export interface FormatDiffOptions {
  /** Most lines to show; the rest become "… and N more changes". */
  max?: number;
  /** The learner's current namespace: objects elsewhere get "-n <namespace>". */
  namespace?: string;
}

/** Defaults for `formatDiff`. */
export const DefaultFormatDiffOptions = {
  max: 12,
  namespace: "default",
} as const satisfies Required<FormatDiffOptions>;

/** The short names kubectl users type for the two longest kinds. */
const SHORT_KIND: Readonly<Record<string, string>> = {
  horizontalpodautoscaler: "hpa",
  persistentvolumeclaim: "pvc",
};

/**
 * Formats diff lines: "+ deployment/web (3 replicas, nginx:1.25)",
 * "~ pod/web-7c5d-x2x9q: ContainerCreating → Running", "- pod/box", "- 3 pods of replicaset/web-6f9b".
 * Beyond `max` lines the last shown line says how many more there are.
 */
export function formatDiff(lines: readonly DiffLine[], opts: FormatDiffOptions = {}): string[] {
  const max = Math.max(1, opts.max ?? DefaultFormatDiffOptions.max);
  const current = opts.namespace ?? DefaultFormatDiffOptions.namespace;
  const text = lines.map((l) => {
    const ns = l.namespace && l.namespace !== current ? ` -n ${l.namespace}` : "";
    if (l.name === "") return `${l.op} ${l.detail}${ns}`;
    const head = `${l.op} ${SHORT_KIND[l.kind] ?? l.kind}/${l.name}${ns}`;
    if (!l.detail) return head;
    return l.op === "~" ? `${head}: ${l.detail}` : `${head} (${l.detail})`;
  });
  if (text.length <= max) return text;
  const hidden = text.length - (max - 1);
  return [...text.slice(0, max - 1), `… and ${hidden} more change${hidden === 1 ? "" : "s"}`];
}
